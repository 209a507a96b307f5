import type { DamagedWorksheet } from '../data/worksheet-files';

/** One line naming each worksheet, e.g. “Thought record.pdf” on “Noticing thoughts”. */
export function listWorksheets(worksheets: readonly DamagedWorksheet[]): string {
  return worksheets
    .map((worksheet) => `“${worksheet.fileName}” on “${worksheet.templateTitle}”`)
    .join(', ');
}

/** What the clinician reads when a backup had to leave out worksheets whose files are damaged. */
export function damagedWorksheetsNotice(worksheets: readonly DamagedWorksheet[]): string {
  const one = worksheets.length === 1;
  return `The backup is safe, but it had to leave out ${one ? 'a worksheet whose file is' : 'worksheets whose files are'} damaged on this computer: ${listWorksheets(worksheets)}. Everything else is backed up. In the Library, remove ${one ? 'it' : 'them'} and attach ${one ? 'it' : 'them'} again from your own copy.`;
}
