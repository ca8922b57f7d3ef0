// "导出 Excel / CSV" links to the export route with the same filters as the table on screen.
export function ExportLinks({ table, query }: { table: string; query: Record<string, string | number | undefined> }) {
  const href = (format: "xlsx" | "csv") => {
    const params = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
    return `/api/v1/export/${table}?${params.toString()}`;
  };
  const cls = "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-brand-600 hover:text-brand-700";
  return (
    <div className="flex gap-2" data-testid={`export-${table}`}>
      <a href={href("xlsx")} className={cls} download>导出 Excel</a>
      <a href={href("csv")} className={cls} download>导出 CSV</a>
    </div>
  );
}
