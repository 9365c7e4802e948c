// Test inputs. The articles are invented for these tests (not real reporting);
// each has a wire dateline, so the app sees exactly one article in each.

// One paragraph per non-blank line, as the app splits them.
export const HARBOUR_ARTICLE = [
  'NAIROBI, Kenya (AP) — Engineers reopened the old harbour bridge on Tuesday after a six-week repair, city officials said.',
  'The bridge carries about 40,000 vehicles a day. Officials said the repairs cost less than expected.',
  '“We finished ahead of the rains,” said Amina Odhiambo, the city’s chief engineer.',
].join('\n');
export const HARBOUR_MARKER = 'harbour bridge';
export const HARBOUR_PLACE = 'NAIROBI, Kenya';

export const ORCHARD_ARTICLE = [
  'HOBART, Australia (AP) — Apple growers in Tasmania reported a record harvest this autumn, the state’s farm board said Monday.',
  'Growers credited a mild winter and a wet spring. Exports to Asia rose by a fifth.',
].join('\n');
export const ORCHARD_MARKER = 'record harvest';
export const ORCHARD_PLACE = 'HOBART, Australia';

export const LIBRARY_ARTICLE = [
  'OSLO, Norway (AP) — The national library put ten thousand digitised maps online on Thursday, its director said.',
  'Most of the maps are more than a century old. Readers can download them free of charge.',
].join('\n');
export const LIBRARY_MARKER = 'digitised maps';
export const LIBRARY_PLACE = 'OSLO, Norway';

// Not text: a PNG signature, NUL bytes and bytes that are invalid UTF-8.
export const BINARY_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0x00, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c,
]);

// The sample the app opens with (public/samples/ap-ukraine-ceasefire.txt).
export const SAMPLE = {
  articles: 2,
  paragraphs: 80,
  secondDateline: 'LONDON (AP) —',
  secondPlace: 'LONDON',
};
