// The admin's list of users.
import type { UserRow as Row } from "@/lib/users/queries";
import { UserRow } from "./user-row";

const HEADERS = ["用户名", "姓名", "角色", "所属地区", "状态", "最近登录", "锁定至", "操作"];

export function UsersTable({ users, selfId, now }: { users: Row[]; selfId: number; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="users-table">
        <caption className="sr-only">用户列表</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${h === "操作" ? "text-right" : "text-left"}`}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === selfId} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
