import { formatDate, formatTimeRange } from "~/domain/time";
import { describeBlock } from "~/domain/unavailability-blocks";
import { type Locale, translate } from "~/i18n";

/**
 * Each block with its label: "fredag den 6. marts 2026 – søndag den 8. marts 2026 (hele dage)"
 * or a time range. Made here, not in the browser: date and time-zone code would add 2 KB to the pages'
 * JavaScript (issue 12).
 */
export function withBlockLabels<Block extends { startsAt: string; endsAt: string }>(
  blocks: readonly Block[],
  locale: Locale,
): (Block & { label: string })[] {
  return blocks.map((block) => {
    const description = describeBlock(block.startsAt, block.endsAt);
    const label = !description.allDay
      ? formatTimeRange(block.startsAt, block.endsAt, locale)
      : description.firstDay === description.lastDay
        ? translate(locale, "facilitator.unavailability.oneDay", {
            day: formatDate(description.firstDay, locale),
          })
        : translate(locale, "facilitator.unavailability.days", {
            first: formatDate(description.firstDay, locale),
            last: formatDate(description.lastDay, locale),
          });
    return { ...block, label };
  });
}
