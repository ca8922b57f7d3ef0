import type { Issue, RequiredGap } from "@/lib/checks";

type Props = {
  errors: Issue[];
  warnings: Issue[];
  missing: Issue[];
  fieldErrorCount: number;
  gap: RequiredGap;
  /** The figures that do not parse, each linked to its field (the count alone when absent). */
  fieldErrorFields?: { code: string; name: string }[];
  /** Applies a finding's one-click fix to its field (the user still saves); absent when the form is read-only. */
  onFix?: (code: string, value: string) => void;
};

/** "改为168.3亿元": sets the field to the suggested figure; nothing is saved until the user saves. */
export function FixButton({ issue, onFix }: { issue: Issue; onFix?: (code: string, value: string) => void }) {
  if (!issue.fix || !onFix) return null;
  const { value, label } = issue.fix;
  return (
    <button type="button" onClick={() => onFix(issue.indicator, value)} className="ml-2 rounded border border-brand-600 bg-white px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50">
      {label}
    </button>
  );
}

/** A summary item that takes the user to its figure (scrolls there and focuses the input). */
function FieldLink({ code, children }: { code: string; children: React.ReactNode }) {
  return (
    <a
      href={`#fig-${code}`}
      className="underline decoration-dotted underline-offset-2 hover:decoration-solid"
      onClick={(e) => {
        const input = document.getElementById(`fig-${code}`);
        if (!input) return;
        e.preventDefault();
        input.scrollIntoView({ block: "center" });
        input.focus();
      }}
    >
      {children}
    </a>
  );
}

/** 审核结果: required figures first, then logical errors (block 报送) and verification warnings (need a 说明 each). */
export function CheckPanel({ errors, warnings, missing, fieldErrorCount, gap, fieldErrorFields, onFix }: Props) {
  const missingSet = new Set(missing);
  const incomplete = gap.empty || gap.missing.length > 0;
  if (!incomplete && errors.length === 0 && warnings.length === 0 && fieldErrorCount === 0) {
    return (
      <section aria-label="审核结果" className="rounded-lg border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
        审核通过：未发现逻辑性错误或需说明的核实性提示。
      </section>
    );
  }
  return (
    <section aria-label="审核结果" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      {incomplete && (
        <div data-testid="required-missing" className="text-red-800">
          {gap.missing.length > 0 ? (
            <p>
              <span className="font-medium">尚未填写：</span>
              {gap.missing.map((m, i) => (
                <span key={m.code}>
                  {i > 0 && "、"}
                  <FieldLink code={m.code}>{m.name}</FieldLink>
                </span>
              ))}
              <span className="ml-1 text-red-700">（县局要求的必填指标，填写后才能报送）</span>
            </p>
          ) : (
            <p><span className="font-medium">尚未填写任何指标。</span>填写本期数据后才能报送。</p>
          )}
        </div>
      )}
      {fieldErrorCount > 0 && (
        <p className="text-red-700" data-testid="format-errors">
          有 {fieldErrorCount} 项填写格式有误，请按提示修改
          {fieldErrorFields && fieldErrorFields.length > 0 && (
            <>
              ：
              {fieldErrorFields.map((f, i) => (
                <span key={f.code}>
                  {i > 0 && "、"}
                  <FieldLink code={f.code}>{f.name}</FieldLink>
                </span>
              ))}
            </>
          )}
          。
        </p>
      )}
      {errors.length > 0 && (
        <div data-testid="logical-errors">
          <h3 className="font-medium text-red-800">逻辑性审核错误 {errors.length} 项（须修正后才能报送）</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-700">
            {errors.map((i) => (
              <li key={`${i.indicator}-${i.rule}`}>
                <FieldLink code={i.indicator}>{i.message}</FieldLink>
                <FixButton issue={i} onFix={onFix} />
              </li>
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
                <FieldLink code={i.indicator}>{i.message}</FieldLink>
                <FixButton issue={i} onFix={onFix} />
                <span className={`ml-2 text-xs ${missingSet.has(i) ? "text-amber-700" : "text-green-700"}`}>{missingSet.has(i) ? "待说明" : "已说明"}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
