"use client";
// Create a user, or edit one's name, role and region. The region list follows the role: a reporter
// picks a town, county staff a county, city staff the city, an admin a county or the city. Roles whose
// level the admin does not administer (city roles for a county's admin) are not offered. The server checks the same again.
import Link from "next/link";
import { useState } from "react";
import { ROLE_LABELS, ROLE_LEVEL, type Role } from "@/lib/auth/roles";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import type { RegionOption } from "@/lib/users/scope";
import { describe, Field, FormMessage, inputClass, SubmitButton, useFormAction } from "./fields";
import { SecretBox } from "./secret-box";

const ROLES: Role[] = ["REPORTER", "REVIEWER", "LEADER", "ADMIN", "CITY_REVIEWER", "CITY_LEADER"];

const LEVELS: Record<(typeof ROLE_LEVEL)[Role], RegionOption["level"][]> = { TOWN: ["TOWN"], COUNTY: ["COUNTY"], CITY: ["CITY"], COUNTY_OR_CITY: ["COUNTY", "CITY"] };
const fitsRole = (role: Role) => (r: RegionOption) => LEVELS[ROLE_LEVEL[role]].includes(r.level);
const REGION_LABEL: Record<(typeof ROLE_LEVEL)[Role], string> = { TOWN: "所属乡镇", COUNTY: "所属县（市、区）", CITY: "所属市", COUNTY_OR_CITY: "所属县（市、区）或市" };

type Existing = { id: number; username: string; displayName: string; role: Role; regionId: number | null };

function RegionSelect({ regions, role, defaultValue, error }: { regions: RegionOption[]; role: Role; defaultValue: number | null; error?: string[] }) {
  const fits = regions.filter(fitsRole(role));
  const parents = new Map(regions.map((r) => [r.id, r.name]));
  const groups = new Map<string, RegionOption[]>();
  for (const r of fits) {
    const group = r.level === "TOWN" ? (parents.get(r.parentId ?? -1) ?? "乡镇") : r.level === "CITY" ? "市" : "县（市、区）";
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  const value = fits.some((r) => r.id === defaultValue) ? String(defaultValue) : "";
  return (
    // Keyed by role so the choice resets when the list changes.
    <select key={role} id="user-region" name="regionId" defaultValue={value} className={inputClass} {...describe("user-region", error)}>
      <option value="">{`请选择${REGION_LABEL[ROLE_LEVEL[role]].replace(/^所属/, "")}`}</option>
      {[...groups].map(([group, items]) => (
        <optgroup key={group} label={group}>
          {items.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

export function UserForm({ regions, user, isSelf = false }: { regions: RegionOption[]; user?: Existing; isSelf?: boolean }) {
  const [state, action] = useFormAction(user ? updateUserAction : createUserAction);
  const typed = state.values ?? {};
  const [role, setRole] = useState<Role>(user?.role ?? "REPORTER");
  const errors = state.fieldErrors ?? {};
  return (
    <form key={state.attempt ?? 0} action={action} className="space-y-4" noValidate>
      {user && <input type="hidden" name="id" value={user.id} />}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {user ? (
          <Field id="user-username" label="用户名">
            <input id="user-username" value={user.username} readOnly disabled className={`${inputClass} bg-slate-100 text-slate-600`} />
          </Field>
        ) : (
          <Field id="user-username" label="用户名" error={errors.username} hint="3–40位小写字母、数字或 _ . -，登录时使用，创建后不能修改">
            <input id="user-username" name="username" defaultValue={typed.username} autoComplete="off" maxLength={40} className={inputClass} {...describe("user-username", errors.username, "hint")} />
          </Field>
        )}
        <Field id="user-name" label="姓名" error={errors.displayName}>
          <input id="user-name" name="displayName" defaultValue={typed.displayName ?? user?.displayName} maxLength={40} className={inputClass} {...describe("user-name", errors.displayName)} />
        </Field>
        <Field id="user-role" label="角色" error={errors.role} hint={isSelf ? "不能修改自己的角色" : undefined}>
          <select id="user-role" name="role" value={role} disabled={isSelf} onChange={(e) => setRole(e.target.value as Role)} className={inputClass} {...describe("user-role", errors.role)}>
            {ROLES.filter((r) => r === role || regions.some(fitsRole(r))).map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
          {isSelf && <input type="hidden" name="role" value={role} />}
        </Field>
        <Field id="user-region" label={REGION_LABEL[ROLE_LEVEL[role]]} error={errors.regionId}>
          <RegionSelect regions={regions} role={role} defaultValue={typed.regionId ? Number(typed.regionId) : (user?.regionId ?? null)} error={errors.regionId} />
        </Field>
        {!user && (
          <Field id="user-password" label="初始密码（可不填）" error={errors.password} hint="留空则自动生成临时密码并只显示一次；用户首次登录时须修改密码">
            <input id="user-password" name="password" type="password" autoComplete="new-password" className={inputClass} {...describe("user-password", errors.password, "hint")} />
          </Field>
        )}
      </div>
      <FormMessage state={state} />
      {state.ok && state.secret && <SecretBox label="临时密码" testId="new-user-password" message={`${state.message}。临时密码如下，请告知本人：`} secret={state.secret} />}
      <div className="flex items-center gap-3">
        <SubmitButton label={user ? "保存修改" : "创建用户"} pendingLabel="正在保存…" />
        <Link href="/admin/users" className="text-sm text-brand-700 underline">返回用户列表</Link>
      </div>
    </form>
  );
}
