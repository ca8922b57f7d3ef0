"use client";
import { useState } from "react";
import { IDLE, type FormState } from "@/lib/auth/form-state";
import { revokeApiTokenAction } from "@/lib/tokens/actions";
import { ConfirmAction } from "./confirm-action";

export function TokenRevoke({ id, name }: { id: number; name: string }) {
  const [result, setResult] = useState<FormState>(IDLE);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmAction action={revokeApiTokenAction} label="撤销" confirmLabel="确认撤销" ariaLabel={`撤销令牌“${name}”`} fields={{ id: String(id) }} tone="danger" onDone={setResult} />
      {result.message && !result.ok && <span role="alert" className="text-sm text-red-700">{result.message}</span>}
    </div>
  );
}
