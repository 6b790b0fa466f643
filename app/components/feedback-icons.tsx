/**
 * The pupil scale's pictures as inline SVG: drawn the same on every phone, with no font search
 * (an emoji needs a colour emoji font, which many phones and browsers lack, and each one makes the
 * browser look for a font that has it while laying out the page). Each picture is defined once
 * per page (`FeedbackIconDefinitions`) and used by reference (`FeedbackIcon`). Decorative: the
 * option's label is its accessible name.
 */
import type { FeedbackIconName } from "~/domain/feedback-bank";

const FACE = (
  <>
    <circle cx="16" cy="16" r="14" fill="#ffd43b" stroke="currentColor" strokeWidth="2" />
    <circle cx="11" cy="12.5" r="2" fill="currentColor" />
    <circle cx="21" cy="12.5" r="2" fill="currentColor" />
  </>
);

const MOUTH = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
} as const;

const SHAPES: Record<FeedbackIconName, JSX.Element> = {
  "face-grin": (
    <>
      {FACE}
      <path d="M9 18h14a7 7 0 0 1-14 0z" fill="currentColor" />
    </>
  ),
  "face-smile": (
    <>
      {FACE}
      <path d="M10 19q6 5 12 0" {...MOUTH} />
    </>
  ),
  "face-frown": (
    <>
      {FACE}
      <path d="M10 23q6-5 12 0" {...MOUTH} />
    </>
  ),
  question: (
    <>
      <circle cx="16" cy="16" r="14" fill="#e7eef6" stroke="currentColor" strokeWidth="2" />
      <path d="M12 12.5a4 4 0 1 1 5.5 3.7c-1 .4-1.5 1.2-1.5 2.3v1" {...MOUTH} strokeWidth={2.5} />
      <circle cx="16" cy="24" r="1.7" fill="currentColor" />
    </>
  ),
};

const symbolId = (name: FeedbackIconName) => `fb-icon-${name}`;

/** The pictures `names` as symbols, once per page, before the first `FeedbackIcon`. */
export function FeedbackIconDefinitions({ names }: { names: readonly FeedbackIconName[] }) {
  if (names.length === 0) return null;
  return (
    <svg className="fb-icon-definitions" aria-hidden="true" focusable="false">
      {[...new Set(names)].map((name) => (
        <symbol key={name} id={symbolId(name)} viewBox="0 0 32 32">
          {SHAPES[name]}
        </symbol>
      ))}
    </svg>
  );
}

export function FeedbackIcon({ name }: { name: FeedbackIconName }) {
  return (
    <svg className="fb-option__icon" aria-hidden="true" focusable="false">
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
