"use client";
// The wall runs unattended: after an unexpected failure it tries again by itself.
import { useEffect } from "react";
import { WallMessage } from "@/components/wall/wall-message";

export default function WallError() {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), 30_000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="fixed inset-0 flex items-center justify-center bg-[#06122b]">
      <WallMessage title="大屏数据暂时无法加载" detail="30 秒后自动重试。" tone="notice" />
    </div>
  );
}
