import Link from "next/link";
import type { ParkFinding } from "@/lib/parks/cross-check";

/** 园区数据核对 on the report page: warnings for the reviewer, each linking to the town's park grid. */
export function ParkFindings({ findings, parksHref }: { findings: ParkFinding[]; parksHref: string }) {
  if (findings.length === 0) return null;
  return (
    <section aria-label="园区数据核对" data-testid="park-findings" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
      <h2 className="font-medium text-amber-900">园区数据核对：{findings.length} 项提示（供审核参考，不影响报送和审核）</h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-amber-800">
        {findings.map((f) => (
          <li key={`${f.parkId}-${f.rule}`}>
            <Link href={parksHref} className="underline decoration-dotted underline-offset-2 hover:decoration-solid">{f.message}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
