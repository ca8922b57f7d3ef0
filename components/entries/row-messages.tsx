/** The check results of one grid row, under it: errors (✕, block the save), warnings (⚠, worth a look). */
export function RowMessages({ tone, colSpan, errors, warnings, server }: { tone: string; colSpan: number; errors: string[]; warnings: string[]; server: string[] }) {
  const shownServer = server.filter((s) => !errors.some((e) => s.endsWith(e)));
  if (errors.length === 0 && warnings.length === 0 && shownServer.length === 0) return null;
  return (
    <tr className={tone}>
      <td colSpan={colSpan} className="px-3 pb-2 text-sm">
        {[...errors, ...shownServer].map((m) => (
          <p key={m} className="text-red-700">✕ {m}</p>
        ))}
        {warnings.map((m) => (
          <p key={m} className="text-amber-800">⚠ {m}</p>
        ))}
      </td>
    </tr>
  );
}

/** A grid row followed by its messages row. */
export function WithMessages({ children, ...messages }: { children: React.ReactNode; tone: string; colSpan: number; errors: string[]; warnings: string[]; server: string[] }) {
  return (
    <>
      {children}
      <RowMessages {...messages} />
    </>
  );
}
