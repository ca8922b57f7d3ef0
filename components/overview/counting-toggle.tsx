import Link from "next/link";
import { COUNTING_LABELS } from "@/lib/reports/periods";

type Props = {
  includeSubmitted: boolean;
  /** The page's URL with and without `include=submitted` (both keep the period shown). */
  hrefs: { approved: string; submitted: string };
};

/** Says which reports the figures count, with a link to the other choice. */
export function CountingToggle({ includeSubmitted, hrefs }: Props) {
  const shown = includeSubmitted ? COUNTING_LABELS.submitted : COUNTING_LABELS.approved;
  return (
    <p className="text-sm text-slate-700" data-testid="counting">
      <span className="rounded bg-slate-100 px-2 py-0.5 font-medium">{shown}</span>
      <Link href={includeSubmitted ? hrefs.approved : hrefs.submitted} className="ml-2 text-brand-700 underline">
        {includeSubmitted ? `改为${COUNTING_LABELS.approved}` : `改为${COUNTING_LABELS.submitted}`}
      </Link>
    </p>
  );
}
