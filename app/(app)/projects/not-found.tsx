import { SegmentNotFound } from "@/components/lists/segment-not-found";

export default function NotFound() {
  return <SegmentNotFound what="项目" back="/projects" backLabel="返回项目列表" />;
}
