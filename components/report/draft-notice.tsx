"use client";

type Props = {
  savedAt: number;
  /** The report is now submitted or approved: the edits cannot go into it. */
  locked: boolean;
  onDiscard: () => void;
};

/** "16时05分", with the date when it was not today (the browser's own clock and zone). */
function when(ms: number, now = new Date()): string {
  const t = new Date(ms);
  const time = `${t.getHours()}时${String(t.getMinutes()).padStart(2, "0")}分`;
  const sameDay = t.getFullYear() === now.getFullYear() && t.getMonth() === now.getMonth() && t.getDate() === now.getDate();
  return sameDay ? time : `${t.getMonth() + 1}月${t.getDate()}日${time}`;
}

/** Edits this browser kept for the form (local draft) and showed again: say so, and offer to drop them. */
export function DraftNotice({ savedAt, locked, onDiscard }: Props) {
  return (
    <div role="status" data-testid="draft-notice" className="flex flex-wrap items-center gap-3 rounded-lg border border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-900">
      {locked ? (
        <span>本浏览器保存有您未提交的修改（{when(savedAt)}），但本月报现已报送或锁定，不能再填入。</span>
      ) : (
        <span>已恢复未保存的修改（{when(savedAt)}）。请核对后保存草稿或报送。</span>
      )}
      <button type="button" onClick={onDiscard} className="rounded border border-sky-400 bg-white px-3 py-1 text-sky-900 hover:bg-sky-100">
        放弃
      </button>
    </div>
  );
}
