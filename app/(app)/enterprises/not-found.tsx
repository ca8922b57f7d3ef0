import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="企业" back="/enterprises" backLabel="返回企业名录" />;
}
