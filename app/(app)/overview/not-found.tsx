import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="地区" back="/overview" backLabel="返回概览" />;
}
