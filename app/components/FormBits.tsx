// Small form pieces shared by every staff page.
import type { FieldErrors } from "~/utils/form.server";

type ActionResult = { ok: boolean; message?: string; errors?: FieldErrors; problems?: string[] } | undefined;

export function Field({ label, name, errors, children }: { label: string; name: string; errors?: FieldErrors; children: React.ReactNode }) {
  const err = errors?.[name];
  return (
    <label>
      {label}
      {children}
      {err && <span className="errors" role="alert">{err}</span>}
    </label>
  );
}

/** The outcome of the last action: a success line, a general error, or a list of problems. */
export function Outcome({ result }: { result: ActionResult }) {
  if (!result) return null;
  if (result.ok) return result.message ? <p className="notice success" role="status">{result.message}</p> : null;
  const general = result.errors?._;
  return (
    <div className="notice error" role="alert">
      {general ?? "请检查标红的字段。 Please check the highlighted fields."}
      {result.problems && result.problems.length > 0 && (
        <ul className="errors">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
