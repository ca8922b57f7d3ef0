import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="数据" back="/attraction" backLabel="返回招商引资" />;
}
