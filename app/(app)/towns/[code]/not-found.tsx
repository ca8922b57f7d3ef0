import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="乡镇" back="/overview" backLabel="返回概览" />;
}
