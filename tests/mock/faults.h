/* SPDX-License-Identifier: EUPL-1.2 */
/* Enterprise numbers for which the MAGDA mock answers with a fault instead
 * of a fixture. All pass the mod-97 check, so the client sends them. */
#ifndef ONLYONCE_MOCK_FAULTS_H
#define ONLYONCE_MOCK_FAULTS_H

#define MOCK_DELAY "0999001020"          /* answers after 5 s, past a short timeout */
#define MOCK_HTTP_500 "0999002010"       /* HTTP 500 with a text body, every time */
#define MOCK_HTTP_503_ONCE "0999003097"  /* HTTP 503 once, then an answer */
#define MOCK_THROTTLE "0999004087"       /* SOAP fault 99995, every time */
#define MOCK_THROTTLE_ONCE "0999005077"  /* SOAP fault 99995 once, then an answer */
#define MOCK_TRUNCATED "0999006067"      /* Content-Length promises more than is sent */
#define MOCK_INVALID_XML "0999007057"    /* a body that is not well-formed XML */
#define MOCK_HUGE "0999008047"           /* a 5 MiB body, over the 4 MiB limit */
#define MOCK_WRONG_TYPE "0999009037"     /* an HTML page with status 200 */
#define MOCK_XXE "0999010027"            /* a DOCTYPE with an external entity */
#define MOCK_INVALID_NUMBER "0999011017" /* MAGDA exception 20007 */
#define MOCK_KBO_ERROR "0999012007"      /* MAGDA exception 40033 */

#endif
