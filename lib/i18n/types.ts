export type Locale = 'id' | 'en';

/** Every string the interface shows. Each locale file must provide all of them. */
export interface Messages {
  htmlLang: string;
  /** BCP 47 tag used by Intl for dates and numbers. */
  intlLocale: string;
  /** Label printed after a Jakarta time, e.g. "WIB". */
  timeZoneLabel: string;
  siteTagline: string;
  skipToContent: string;
  home: string;
  mainNavigation: string;
  sections: string;
  breadcrumb: string;
  topics: string;
  allTopics: string;
  popularTopics: string;
  latest: string;
  leadStory: string;
  moreFrom: (sectionName: string) => string;
  by: string;
  and: string;
  source: string;
  published: string;
  updated: string;
  readingTime: (minutes: number) => string;
  readAlso: string;
  tags: string;
  /** Heading of the most-read list (home page and beside articles). */
  mostRead: string;
  relatedStories: string;
  share: string;
  shareOn: (network: string) => string;
  shareByEmail: string;
  storyCount: (count: number) => string;
  pageOf: (page: number, total: number) => string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  /** Visible text of the previous/next links; their accessible names are previousPage/nextPage, which contain it. */
  previousShort: string;
  nextShort: string;
  timeline: string;
  /** Live reports. */
  live: string;
  liveBadge: string;
  liveRunning: string;
  liveEnded: string;
  liveKeyEvents: string;
  liveUpdates: string;
  livePinned: string;
  liveEntryLink: string;
  liveReports: string;
  liveCoverage: string;
  /** "N" stands for the number of new entries. */
  liveNewUpdates: string;
  timelineIntro: (tagName: string) => string;
  timelineLink: string;
  /** A long timeline is an index of periods with a page each. */
  timelineIndex: string;
  timelineIndexIntro: (pages: number) => string;
  /** Link to the first period: where the story began. */
  timelineStart: (period: string) => string;
  /** A period's name when a month is split over pages. */
  timelinePart: (period: string, part: number, parts: number) => string;
  timelinePeriods: string;
  timelinePreviousPeriod: string;
  timelineNextPeriod: string;
  backToLatest: string;
  relatedTopics: string;
  authorStories: (authorName: string) => string;
  sectionStories: string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  errorTitle: string;
  errorBody: string;
  tryAgain: string;
  footerAbout: string;
  copyright: (year: number) => string;
  imageCredit: string;
  printedFrom: string;
  search: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  searchTitle: (query: string) => string;
  searchResultCount: (count: number, query: string) => string;
  searchNoResults: (query: string) => string;
  searchNoResultsHelp: string;
  searchEmptyPrompt: string;
  searchDidYouMean: string;
  searchFilterSection: string;
  searchFilterTag: string;
  searchAllSections: string;
  searchFilteredByTag: (tagName: string) => string;
  searchClearTag: string;
  searchSort: string;
  searchSortRelevance: string;
  searchSortNewest: string;
  searchFilterYear: string;
  searchAllYears: string;
  searchUnavailable: string;
  feeds: string;
  previewBanner: string;
  previewExit: string;
  liteEdition: string;
  liteEditionHint: string;
  fullEdition: string;
  corrections: string;
  correctionIntro: string;
  rssFeedOf: (name: string) => string;
  /** Heading of a tag's editor-written explainer box. */
  explainerTitle: string;
  explainerFacts: string;
  explainerQuestions: string;
  /** aria-label of an article's place in its running story. */
  storyNavLabel: (storyName: string) => string;
  /** "Berita 11 dari 21 dalam Hubungan Rusia–Korea Utara" */
  storyPosition: (position: number, total: number, storyName: string) => string;
  storyFirst: string;
  storyLatest: string;
  storyTimelineLink: string;
  /** Meta description of the topic index. */
  topicsDescription: string;
  runningStories: string;
  topicsAZ: string;
  newestStory: string;
}
