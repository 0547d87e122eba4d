import type { Random } from './random';

/** Words the generated organisation is written in: enough variety that lists and searches look real. */

export type Market = 'KR' | 'ID' | 'US' | 'GL';

const FIRST_NAMES: Record<Market, readonly string[]> = {
  KR: [
    'Minji',
    'Jiwoo',
    'Seojun',
    'Hana',
    'Doyun',
    'Yuna',
    'Jihoon',
    'Soyeon',
    'Taeyang',
    'Eunbi',
    'Hyunwoo',
    'Sora',
    'Junho',
    'Dahye',
    'Kyungsoo',
    'Areum',
  ],
  ID: [
    'Ayu',
    'Budi',
    'Citra',
    'Dewi',
    'Eko',
    'Fitri',
    'Gilang',
    'Intan',
    'Joko',
    'Kartika',
    'Lestari',
    'Made',
    'Nadia',
    'Putra',
    'Rina',
    'Sari',
  ],
  US: [
    'Avery',
    'Jordan',
    'Morgan',
    'Riley',
    'Casey',
    'Taylor',
    'Quinn',
    'Harper',
    'Logan',
    'Emerson',
    'Parker',
    'Rowan',
    'Sydney',
    'Blake',
    'Devon',
    'Reese',
  ],
  GL: [
    'Amara',
    'Lucas',
    'Sofia',
    'Mateo',
    'Elena',
    'Noah',
    'Leila',
    'Oskar',
    'Ines',
    'Theo',
    'Maya',
    'Felix',
    'Nina',
    'Arjun',
    'Clara',
    'Kenji',
  ],
};

const LAST_NAMES: Record<Market, readonly string[]> = {
  KR: [
    'Kim',
    'Lee',
    'Park',
    'Choi',
    'Jung',
    'Kang',
    'Cho',
    'Yoon',
    'Jang',
    'Lim',
    'Han',
    'Oh',
    'Seo',
    'Shin',
    'Kwon',
    'Hwang',
  ],
  ID: [
    'Santoso',
    'Wijaya',
    'Pratama',
    'Saputra',
    'Hidayat',
    'Kusuma',
    'Nugroho',
    'Halim',
    'Wibowo',
    'Lestari',
    'Suryadi',
    'Gunawan',
    'Siregar',
    'Hakim',
    'Utami',
    'Rahman',
  ],
  US: [
    'Johnson',
    'Miller',
    'Garcia',
    'Brooks',
    'Carter',
    'Bennett',
    'Hayes',
    'Foster',
    'Reed',
    'Coleman',
    'Ward',
    'Price',
    'Sanders',
    'Long',
    'Hughes',
    'Myers',
  ],
  GL: [
    'Silva',
    'Novak',
    'Rossi',
    'Dubois',
    'Schmidt',
    'Tanaka',
    'Okafor',
    'Haddad',
    'Larsen',
    'Moreau',
    'Costa',
    'Berg',
    'Ivanova',
    'Mehta',
    'Fischer',
    'Nakamura',
  ],
};

export function personName(random: Random, market: Market): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES[market]), last: random.pick(LAST_NAMES[market]) };
}

const AGENCY_FIRST = [
  'Northwind',
  'Southpeak',
  'Blue Harbour',
  'Red Lantern',
  'Silverline',
  'Greenfield',
  'Bright Orbit',
  'Cedar',
  'Paper Crane',
  'Monsoon',
  'Han River',
  'Kopi',
  'Lotus',
  'Tidewater',
  'Granite',
  'Juniper',
  'Halcyon',
  'Saffron',
  'Pine & Pixel',
  'Nusantara',
  'Seoul Signal',
  'Morning Calm',
  'Batik',
  'Komodo',
  'Skyline',
  'Echo Park',
  'Copperleaf',
  'Magpie',
  'Open Field',
  'Second Wind',
  'Little Bird',
  'Gold Coast',
  'Tanjung',
  'Namsan',
  'Riverstone',
  'Wildflower',
  'Fableworks',
  'Hightide',
  'Mercato',
  'Brightside',
];
const AGENCY_SECOND = [
  'Social',
  'Media',
  'Creative',
  'Studio',
  'Collective',
  'Digital',
  'Content Co.',
  'Partners',
  'Lab',
  'House',
];

export function agencyName(random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = `${random.pick(AGENCY_FIRST)} ${random.pick(AGENCY_SECOND)}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
  const name = `${random.pick(AGENCY_FIRST)} ${random.pick(AGENCY_SECOND)} ${taken.size + 1}`;
  taken.add(name.toLowerCase());
  return name;
}

export function legalName(name: string, market: Market): string {
  switch (market) {
    case 'KR':
      return `${name} Co., Ltd.`;
    case 'ID':
      return `PT ${name} Indonesia`;
    case 'US':
      return `${name} LLC`;
    case 'GL':
      return `${name} Ltd.`;
  }
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const THEMES = [
  'Winter launch',
  'Spring collection',
  'Summer campaign',
  'Back to school',
  'Holiday gifting',
  'Lunar New Year',
  'Ramadan',
  'Chuseok',
  'Black Friday',
  'Brand platform',
  'Product drop',
  'Creator spotlight',
  'Loyalty push',
  'Store opening',
  'Sustainability story',
  'Behind the scenes',
  'Customer stories',
  'Tutorial series',
  'Flash sale',
  'Anniversary',
];

export const BRIEF_FORMATS = [
  'reels',
  'carousel series',
  'creator videos',
  'always-on posts',
  'launch assets',
  'story set',
  'short-form series',
  'teaser pack',
  'community prompts',
  'livestream',
];

export const OBJECTIVES = [
  'Drive reach among 18–34s with a clear, single-minded message.',
  'Turn launch interest into sign-ups on the web shop.',
  'Grow the community with creator-led content people want to share.',
  'Lift consideration of the new range against the main competitor.',
  'Bring lapsed customers back with a members-only offer.',
  'Explain the product in under 30 seconds, without jargon.',
  'Make the season feel local: local faces, local places, local humour.',
];

export const AUDIENCES = [
  'Urban 18–34, mobile first, follows lifestyle creators.',
  'Parents 30–45 shopping for the family on weekends.',
  'Existing members who bought in the last 12 months.',
  'Gift buyers 25–44 in the last two weeks before the holiday.',
  'Students and first-jobbers, price-aware, trend-led.',
  'Small-business owners following practical how-to content.',
];

export const KEY_MESSAGES = [
  'Light enough to forget',
  'Made to last',
  'Share the table',
  'Only in the app',
  'Free delivery this week',
  'Designed in Seoul',
  'Loved by our community',
  'Better for the planet, better for you',
  'New colours, same comfort',
  'Try it for 30 days',
];

export const COPY_LINES = [
  'Meet the new range. #NewSeason',
  'Lighter, warmer, yours.',
  'Your weekend starts here.',
  'Made for the way you move.',
  'Berbagi meja, berbagi cerita.',
  '올겨울, 더 가볍게.',
  'Three looks, one jacket.',
  'Tap to shop the look.',
  'Ready when you are.',
  'The one you asked for is back.',
];

export const CHANGE_REQUESTS = [
  'Logo is too small in the first frame; make it at least twice the size.',
  'The claim in the copy needs a source, or soften it.',
  'Music is not cleared for paid use; please swap the track.',
  'The product is on screen too late: show it in the first two seconds.',
  'Colours are off-brand; use the approved palette.',
  'Subtitles are missing; most people watch without sound.',
  'The call to action points to the old landing page.',
  'Please remove the competitor product visible in the background.',
];

export const REJECTIONS = [
  'This direction does not fit the brief; we will re-brief.',
  'Legal cannot approve the concept in this market.',
  'The talent contract does not cover this usage; we cannot run it.',
];

export const REVIEW_COMMENTS = [
  'Love the opening shot.',
  'Can the end card stay on screen a bit longer?',
  'This frame feels crowded; give the product more room.',
  'Great energy, exactly the tone we wanted.',
  'Check the spelling in the caption.',
  'Could we try a warmer grade here?',
  'The pacing drops in the middle.',
  'Logo placement works now.',
];

export const AGENCY_REPLIES = [
  'Noted, fixing it in the next version.',
  'Good catch, updated.',
  'We checked with the creator; this is fine to change.',
  'Agreed. New cut coming tomorrow.',
  'Can you confirm the new colour values?',
];

export const DECLINE_REASONS = [
  'Not enough lead time to book the creators; happy to quote for next month.',
  'The team is fully booked for these dates.',
  'The budget does not cover the usage rights asked for.',
  'This needs paid media we do not run; please brief the media agency.',
];

export const OVERRIDE_REASONS = [
  'Launch priority agreed with the CMO; budget top-up follows next quarter.',
  'Carry-over from last quarter; finance agreed to the overrun.',
  'Extra scope for the store opening, approved in the weekly.',
];

export const TERMINATION_REASONS = [
  'Pilot paused after the quarterly review.',
  'Scope moved in-house.',
  'Repeated late delivery; ended by mutual agreement.',
  'Budget cut for the rest of the year.',
];

export const OFFBOARD_REASONS = [
  'Relationship ended after the last contract; no renewal planned.',
  'Agency merged into another network agency.',
];

export const CONTRACT_TITLES = [
  'Always-on social',
  'Creator programme',
  'Paid social and creators',
  'Launch campaign',
  'Community management',
  'Content production retainer',
  'Influencer burst',
  'Social-first video',
];

export const INTERNAL_NOTES = [
  'Rates negotiated under list price; renewal depends on results.',
  'Media passes through at cost; the fee is the management line.',
  'Strong creative, slow on revisions: watch turnaround.',
  'Preferred partner for this market.',
  '',
];
