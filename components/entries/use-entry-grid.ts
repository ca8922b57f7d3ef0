"use client";
// State of an entry grid: what is stored (with each row's token), what is typed, which rows changed,
// and the save → success / field errors / conflict round trip. Only changed rows are sent, each with
// the token it was loaded with; a conflict keeps the typed text and offers the two ways on.
import { useCallback, useMemo, useState, useTransition } from "react";
import { useLeaveGuard } from "@/components/ui/use-leave-guard";
import { parseCell, sameFigure } from "@/lib/entries/cells";
import type { EntryActionResult, EntryConflict, EntryField, StoredRow } from "@/lib/entries/types";
import { formatFigureForInput } from "@/lib/input";

export type Typed = Record<string, string>;
export type Flash = { tone: "ok" | "error"; text: string } | null;

type Options = {
  rows: StoredRow[];
  /** Stored figures → the text of the row's inputs. */
  toTyped: (row: StoredRow) => Typed;
  /** Whether the typed row differs from what is stored. */
  changed: (row: StoredRow, typed: Typed) => boolean;
  submit: (dirty: { row: StoredRow; typed: Typed }[]) => Promise<EntryActionResult>;
};

const byId = (rows: StoredRow[]) => Object.fromEntries(rows.map((r) => [r.id, { id: r.id, token: r.token, values: r.values }])) as Record<number, StoredRow>;

export function useEntryGrid({ rows, toTyped, changed, submit }: Options) {
  const [base, setBase] = useState<Record<number, StoredRow>>(() => byId(rows));
  const [typed, setTyped] = useState<Record<number, Typed>>(() => Object.fromEntries(rows.map((r) => [r.id, toTyped(r)])));
  const [conflict, setConflict] = useState<EntryConflict | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  const dirtyIds = useMemo(() => rows.map((r) => r.id).filter((id) => changed(base[id], typed[id])), [rows, base, typed, changed]);

  // Unsaved rows (or a save on its way): asked before a reload or close, and before a tab or menu link leaves them.
  useLeaveGuard(dirtyIds.length > 0 || pending);

  function setCell(id: number, code: string, text: string) {
    setTyped((t) => ({ ...t, [id]: { ...t[id], [code]: text } }));
    setFieldErrors((e) => {
      if (!e[`${id}.${code}`]) return e;
      const { [`${id}.${code}`]: _gone, ...rest } = e;
      return rest;
    });
  }

  function adopt(saved: StoredRow[], keepTyped = false) {
    setBase((b) => ({ ...b, ...byId(saved) }));
    if (!keepTyped) setTyped((t) => ({ ...t, ...Object.fromEntries(saved.map((r) => [r.id, toTyped(r)])) }));
  }

  function save() {
    const dirty = dirtyIds.map((id) => ({ row: base[id], typed: typed[id] }));
    if (dirty.length === 0) return;
    startTransition(async () => {
      const result = await submit(dirty);
      if (result.ok) {
        adopt(result.rows);
        setConflict(null);
        setFieldErrors({});
        setRowErrors({});
        setFlash({ tone: "ok", text: result.message });
        return;
      }
      if (result.conflict) setConflict(result.conflict);
      setFieldErrors(result.fieldErrors ?? {});
      setRowErrors(result.rowErrors ?? {});
      setFlash({ tone: "error", text: result.message });
    });
  }

  /** Take the latest stored rows as the base and keep what this user typed: saving again applies it on top. */
  function keepMine() {
    if (!conflict) return;
    adopt(conflict.rows, true);
    setConflict(null);
    setFlash({ tone: "ok", text: "已载入最新数据并保留了您的修改，请核对后再保存" });
  }

  function takeTheirs() {
    if (!conflict) return;
    adopt(conflict.rows);
    setConflict(null);
    setFlash(null);
  }

  return { base, typed, setCell, dirtyIds, pending, flash, conflict, fieldErrors, rowErrors, save, keepMine, takeTheirs };
}

/**
 * A grid whose rows are one figure per field (enterprises, parks): each input shows the stored figure
 * as typed text, a row changed when any field parses to another figure, and changed rows go to `save`
 * with their tokens.
 */
export function useFigureGrid({ rows, fields, town, period, save }: {
  rows: StoredRow[];
  fields: readonly EntryField[];
  town: string;
  period: string;
  save: (input: { town: string; period: string; rows: { id: number; token: string; values: Typed }[] }) => Promise<EntryActionResult>;
}) {
  const toTyped = useCallback((r: StoredRow) => Object.fromEntries(fields.map((f) => [f.code, formatFigureForInput(r.values[f.code] ?? null, f.precision)])), [fields]);
  const changed = useCallback(
    (r: StoredRow, t: Typed) =>
      fields.some((f) => {
        const p = parseCell(f, t[f.code]);
        return !p.ok || !sameFigure(p.value, r.values[f.code] ?? null);
      }),
    [fields],
  );
  const submit = useCallback(
    (dirty: { row: StoredRow; typed: Typed }[]) => save({ town, period, rows: dirty.map((d) => ({ id: d.row.id, token: d.row.token, values: d.typed })) }),
    [save, town, period],
  );
  return useEntryGrid({ rows, toTyped, changed, submit });
}
