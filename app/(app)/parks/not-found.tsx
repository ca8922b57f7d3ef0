import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="园区" back="/parks" backLabel="返回园区列表" />;
}
