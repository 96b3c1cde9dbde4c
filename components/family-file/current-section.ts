/** How far below the window's top a section's heading may be and still count as the one being read. */
export const READING_LINE_PX = 120;

/**
 * The index of the section being read: the last one whose heading has passed the reading line, or the last section
 * once the page is scrolled to its end (short last sections never reach the line), else the first.
 */
export function currentSectionIndex(headingTops: readonly number[], atPageEnd: boolean): number {
  if (headingTops.length === 0) return -1;
  if (atPageEnd) return headingTops.length - 1;
  let current = 0;
  headingTops.forEach((top, index) => {
    if (top <= READING_LINE_PX) current = index;
  });
  return current;
}
