// Dates on the admin pages, in China time whatever the server's zone: "2026-11-22 16:05".
const parts = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(date: Date | null): string {
  if (!date) return "—";
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatDate(date: Date | null): string {
  return date ? formatDateTime(date).slice(0, 10) : "—";
}
