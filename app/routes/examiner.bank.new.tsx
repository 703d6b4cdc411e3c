// Add one question to the bank (version 1). EXAMINER only; ADMIN sees that the bank is read-only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm } from "~/components/QuestionForm";
import { bankTopics } from "~/data/bank-browse.server";
import { allowed } from "~/domain/access";
import { CATEGORIES, QUESTION_TYPES, TOPICS, isOneOf } from "~/domain/vocabulary";
import { questionFromForm, saveQuestion, type QuestionFormValues } from "~/services/bank-edit.server";
import { invalid, readFormData } from "~/utils/form.server";
import { requireCap } from "~/utils/guard.server";
import { useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCap(request, "bank.read");
  const url = new URL(request.url);
  const topics = await bankTopics();
  const type = url.searchParams.get("type") ?? "";
  const values: QuestionFormValues = {
    id: "",
    type: isOneOf(QUESTION_TYPES, type) ? type : "single",
    topic: url.searchParams.get("topic") ?? "",
    stem: "",
    options: ["", "", "", "", ""],
    answer: [],
    explanation: "",
    source: "",
    industry: ["general"],
    audience: [...CATEGORIES],
    difficulty: "2",
  };
  return json({
    values,
    topics: [...TOPICS, ...topics.filter((t) => !(TOPICS as readonly string[]).includes(t))],
    canWrite: allowed(user.role, "bank.write"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "bank.write");
  const form = await readFormData(request);
  const { values, question, errors } = await questionFromForm(form);
  if (!question) return invalid(errors, { values });
  const r = await saveQuestion(actor, question, { create: true });
  if (!r || !r.ok) return invalid(r ? r.errors : { _: "保存失败" }, { values });
  return redirect(`/examiner/bank/${encodeURIComponent(question.id)}?created=1`);
}

export default function NewQuestion() {
  const { values, topics, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  const T = (zh: string, en: string) => (lang === "en" ? en : zh);
  return (
    <>
      <p><Link to="/examiner/bank">← {T("题库", "Question bank")}</Link></p>
      <h1>{T("新增试题", "Add a question")}</h1>
      {canWrite ? (
        <QuestionForm values={(result && "values" in result ? (result.values as QuestionFormValues) : null) ?? values} errors={result?.errors} topics={topics} mode="create" />
      ) : (
        <p className="notice">{T("您的账号对题库只读，不能新增试题。", "Your account has read-only access to the bank.")}</p>
      )}
    </>
  );
}
