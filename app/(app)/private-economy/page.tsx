import { redirect } from "next/navigation";

/** 民营经济 is the second tab of the 招商引资 page. */
export default async function PrivateEconomyPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const { period } = await searchParams;
  redirect(`/attraction?tab=private${period && /^\d{4}-\d{2}$/.test(period) ? `&period=${period}` : ""}`);
}
