/** Longest query we look at; anything beyond is cut, so a hostile query costs no more than this. */
export const MAX_QUERY_LENGTH = 200;
