import { describe, expect, it } from "vitest";
import { isSameResponse, responseFromInputs } from "@/lib/quiz/response-from-inputs";
import type { PublicQuestion } from "@/lib/quiz/views";

const choices = [
  { id: "a", text: "甲" },
  { id: "b", text: "乙" },
  { id: "c", text: "丙" },
];
const single: PublicQuestion = { versionId: "v1", type: "single", prompt: "单选", choices };
const multiple: PublicQuestion = { versionId: "v2", type: "multiple", prompt: "多选", choices };
const truefalse: PublicQuestion = { versionId: "v3", type: "truefalse", prompt: "判断" };
const numeric: PublicQuestion = { versionId: "v4", type: "numeric", prompt: "数字", unit: "天" };
const ordering: PublicQuestion = {
  versionId: "v5",
  type: "ordering",
  prompt: "排序",
  items: [{ index: 1, text: "乙" }],
};

const boxes = (checked: string[]) => choices.map((c) => ({ value: c.id, checked: checked.includes(c.id) }));

describe("responseFromInputs", () => {
  it("reads the checked radio of a single-choice question, or nothing", () => {
    expect(responseFromInputs(single, boxes(["b"]))).toEqual({ type: "single", choice: "b" });
    expect(responseFromInputs(single, boxes([]))).toBeUndefined();
  });

  it("reads every ticked box of a multiple-choice question, none ticked included", () => {
    expect(responseFromInputs(multiple, boxes(["a", "c"]))).toEqual({ type: "multiple", choices: ["a", "c"] });
    expect(responseFromInputs(multiple, boxes([]))).toEqual({ type: "multiple", choices: [] });
  });

  it("reads true/false from the radios' values", () => {
    const tf = (v: string | null) => ["true", "false"].map((value) => ({ value, checked: value === v }));
    expect(responseFromInputs(truefalse, tf("false"))).toEqual({ type: "truefalse", value: false });
    expect(responseFromInputs(truefalse, tf("true"))).toEqual({ type: "truefalse", value: true });
    expect(responseFromInputs(truefalse, tf(null))).toBeUndefined();
  });

  it("reads a number typed into the field, ignoring blanks and text that is not a number", () => {
    expect(responseFromInputs(numeric, [{ value: " 73 ", checked: false }])).toEqual({ type: "numeric", value: 73 });
    expect(responseFromInputs(numeric, [{ value: "  ", checked: false }])).toBeUndefined();
    expect(responseFromInputs(numeric, [{ value: "七十三", checked: false }])).toBeUndefined();
  });

  it("reads nothing for an ordering question, which has no inputs", () => {
    expect(responseFromInputs(ordering, [])).toBeUndefined();
  });
});

describe("isSameResponse", () => {
  it("ignores the order boxes were ticked in", () => {
    expect(isSameResponse({ type: "multiple", choices: ["b", "a"] }, { type: "multiple", choices: ["a", "b"] })).toBe(
      true,
    );
    expect(isSameResponse({ type: "multiple", choices: ["a"] }, { type: "multiple", choices: ["a", "b"] })).toBe(false);
  });

  it("treats no box ticked as no answer", () => {
    expect(isSameResponse({ type: "multiple", choices: [] }, undefined)).toBe(true);
    expect(isSameResponse(undefined, undefined)).toBe(true);
  });

  it("tells different choices and values apart", () => {
    expect(isSameResponse({ type: "single", choice: "a" }, { type: "single", choice: "b" })).toBe(false);
    expect(isSameResponse({ type: "single", choice: "a" }, undefined)).toBe(false);
    expect(isSameResponse({ type: "numeric", value: 73 }, { type: "numeric", value: 73 })).toBe(true);
  });
});
