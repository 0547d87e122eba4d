/**
 * Demo records the journeys open by name. The demo is written in its people's languages
 * (apps/api/src/app/seed/demo-work.ts, demo-reviews.ts), so the names live in one place.
 */
export const DEMO = {
  koreaAwarenessGoal: /한국 브랜드 인지도/,
  winterBrief: '겨울 출시 릴스',
  holidayBrief: '홀리데이 선물 가이드 캐러셀',
  ramadanBrief: 'Seri kreator Ramadan',
  /** Deliverables of the Korea contract's REEL line are titled after it. */
  reelDeliverable: /숏폼 영상/,
  carouselDeliverable: /캐러셀 게시물/,
} as const;
