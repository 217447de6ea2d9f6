/** Every date on the site is computed in Jakarta's zone (WIB), whatever the server's. */
export const TIME_ZONE = 'Asia/Jakarta';
