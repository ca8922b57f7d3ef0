"use client";
// New API token: owner, name, optional region narrowing, read-only, optional expiry. The token is
// shown once, right here, and never again.
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { createApiTokenAction } from "@/lib/tokens/actions";
import type { RegionOption } from "@/lib/users/scope";
import { describe, Field, FormMessage, inputClass, SubmitButton, useFormAction } from "./fields";
import { SecretBox } from "./secret-box";

export type OwnerOption = { id: number; username: string; displayName: string; role: Role };

export function TokenForm({ owners, regions }: { owners: OwnerOption[]; regions: RegionOption[] }) {
  const [state, action] = useFormAction(createApiTokenAction);
  const typed = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="token-create-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="token-create-title" className="text-lg font-semibold">新建 API 令牌</h2>
      <form key={state.attempt ?? 0} action={action} className="mt-4 space-y-4" noValidate>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
          <Field id="token-name" label="名称" error={errors.name}>
            <input id="token-name" name="name" defaultValue={typed.name} maxLength={60} placeholder="例如：市统计局数据对接" className={inputClass} {...describe("token-name", errors.name)} />
          </Field>
          <Field id="token-owner" label="所属用户（令牌以其身份访问）" error={errors.userId}>
            <select id="token-owner" name="userId" defaultValue={typed.userId ?? ""} className={inputClass} {...describe("token-owner", errors.userId)}>
              <option value="">请选择用户</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>{`${o.displayName}（${o.username}，${ROLE_LABELS[o.role]}）`}</option>
              ))}
            </select>
          </Field>
          <Field id="token-region" label="限定地区（可不填）" error={errors.regionId} hint="只能缩小该用户的访问范围">
            <select id="token-region" name="regionId" defaultValue={typed.regionId ?? ""} className={inputClass} {...describe("token-region", errors.regionId, "hint")}>
              <option value="">不限定（与用户相同）</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>{r.level === "TOWN" ? `　${r.name}` : r.name}</option>
              ))}
            </select>
          </Field>
          <Field id="token-expires" label="到期日期（可不填）" error={errors.expiresOn} hint="当天24时后失效">
            <input id="token-expires" name="expiresOn" type="date" defaultValue={typed.expiresOn} className={inputClass} {...describe("token-expires", errors.expiresOn, "hint")} />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-6">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="readOnly" defaultChecked={state.values ? state.values.readOnly === "on" : true} className="h-4 w-4 accent-brand-700" />
            只读（不能保存、报送或审核数据）
          </label>
          <SubmitButton label="创建令牌" pendingLabel="正在创建…" />
        </div>
        <FormMessage state={state} />
      </form>
      {state.ok && state.secret && (
        <div className="mt-4">
          <SecretBox label="API 令牌" testId="new-api-token" message={state.message} secret={state.secret} />
          <p className="mt-2 text-xs text-slate-600">
            调用方式：在请求头中加入 <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;令牌&gt;</code>，接口说明见 <a href="/api-docs" className="text-brand-700 underline">API 文档</a>。
          </p>
        </div>
      )}
    </section>
  );
}
