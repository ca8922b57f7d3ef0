import type { Issue } from "@/lib/checks";

type Props = { errors: Issue[]; warnings: Issue[]; missing: Issue[]; fieldErrorCount: number };

/** 审核结果: logical errors block 报送; verification warnings need a 说明 each. */
export function CheckPanel({ errors, warnings, missing, fieldErrorCount }: Props) {
  const missingSet = new Set(missing);
  if (errors.length === 0 && warnings.length === 0 && fieldErrorCount === 0) {
    return (
      <section aria-label="审核结果" className="rounded-lg border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
        审核通过：未发现逻辑性错误或需说明的核实性提示。
      </section>
    );
  }
  return (
    <section aria-label="审核结果" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      {fieldErrorCount > 0 && <p className="text-red-700">有 {fieldErrorCount} 项填写格式有误，请按提示修改。</p>}
      {errors.length > 0 && (
        <div data-testid="logical-errors">
          <h3 className="font-medium text-red-800">逻辑性审核错误 {errors.length} 项（须修正后才能报送）</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-700">
            {errors.map((i) => (
              <li key={`${i.indicator}-${i.rule}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div data-testid="verification-warnings">
          <h3 className="font-medium text-amber-900">
            核实性审核提示 {warnings.length} 项{missing.length > 0 ? `（${missing.length} 项待填写说明）` : "（均已说明）"}
          </h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-amber-800">
            {warnings.map((i) => (
              <li key={`${i.indicator}-${i.rule}`}>
                {i.message}
                <span className={`ml-2 text-xs ${missingSet.has(i) ? "text-amber-700" : "text-green-700"}`}>{missingSet.has(i) ? "待说明" : "已说明"}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
