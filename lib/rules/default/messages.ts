/**
 * Built-in message rules: visible sync messages (AWRA's own wording and raw provider text from
 * QuickBooks Online, Paystack, Safaricom Daraja / M-Pesa, SMTP, SMS gateways and webhooks) to the
 * failed-sync guide's message types (see ../../../../shared/awra/domain.md).
 *
 * Patterns are compiled with the 'iu' flags against a normalised message (whitespace collapsed,
 * invisible characters removed, typographic quotes and dashes folded to ASCII). The first matching
 * rule in priority order wins; a message no rule matches is 'unknown'.
 *
 * Priority bands (higher wins when several rules match one message):
 *   990  known unknowns: provider texts that look like another type but are not
 *        (per-recipient SMS statuses, M-Pesa customer not reachable, closed period, stale object,
 *        waiting for a provider's confirmation, cancelled by the payer)
 *   950  authorization-failed, definite signs (OAuth errors, 401/403, revoked or expired tokens,
 *        bad keys, SMTP 535) - these beat everything else, even a timeout in the same message
 *   900  not-ready (the first of the guide's first checks)
 *   860  mapping-missing: a value already linked to a different outside value
 *   850  duplicate-detected
 *   800  mapping-missing
 *   700  missing-required-field
 *   600  temporary-provider-issue
 *   500  authorization-failed, weak signs (a token refresh failed, with no outage in sight)
 *   450  missing-required-field, weak signs (a bare "missing", "please enter a ...")
 *
 * Patterns avoid nested unbounded quantifiers; gaps are bounded ([^.;]{0,60} style).
 */
import type { MessageRule } from '../schema';
import type { MessageType } from '../../analyze/types';

function rule(
  id: string,
  type: MessageType,
  priority: number,
  description: string,
  alternatives: string[],
): MessageRule {
  return { id, type, pattern: alternatives.join('|'), priority, enabled: true, description };
}

/** Values that have a mapping to an outside system (domain.md "Mapping kinds"). */
const KIND = String.raw`(?:customers?|vendors?|suppliers?|items?|products?|services?|product/service|accounts?|tax(?:\s(?:codes?|rates?|groups?|agency))?|vat(?:\s(?:codes?|rates?))?|payment\s(?:methods?|types?|modes?)|warehouses?|stores?|locations?|categor(?:y|ies)|class(?:es)?|departments?|terms?|employees?)`;

/** Fields a source record or notification must carry (domain.md "missing-required-field"). */
const FIELD = String.raw`(?:customers?|vendors?|suppliers?|payees?|tax(?:\s?codes?|\srates?)?|vat(?:\srates?)?|items?|products?|line\sitems?|lines?|accounts?|amounts?|totals?|prices?|quantit(?:y|ies)|qty|dates?|due\sdates?|transaction\sdates?|txn\s?dates?|invoice\sdates?|references?|ref(?:erence)?\s?(?:no|number|#)|doc(?:ument)?\s?numbers?|e-?mails?(?:\saddress(?:es)?)?|phone(?:\s?numbers?)?|mobile(?:\s?numbers?)?|msisdn|recipients?(?:\s(?:address(?:es)?|e-?mails?|phones?(?:\snumbers?)?|numbers?))?|currency|description|names?)`;

/** Outside systems named in "... in QuickBooks" style messages. */
const OUTSIDE = String.raw`(?:quickbooks(?:\sonline)?|qbo|qb|intuit|paystack|daraja|m-?pesa|the\sprovider|the\soutside\ssystem|the\sexternal\ssystem)`;

/** Record words used in readiness messages. */
const RECORD = String.raw`(?:record|invoice|bill|payment|document|entry|journal|transaction|order|sale|note|receipt|voucher|it)`;

export const defaultMessageRules: MessageRule[] = [
  // ---------------------------------------------------------------- known unknowns (990)
  rule(
    'unknown-sms-recipient-status',
    'unknown',
    990,
    "SMS gateway per-recipient statuses (Africa's Talking style), e.g. '403 InvalidPhoneNumber' or " +
      "'405 InsufficientBalance': the number or the account balance, not the connection.",
    [
      String.raw`\b(?:InvalidPhoneNumber|InsufficientBalance|UserInBlacklist|RiskHold|UnsupportedNumberType|CouldNotRoute|DoNotDisturbRejection|InvalidSenderId|RejectedByGateway|AbsentSubscriber)\b`,
    ],
  ),
  rule(
    'unknown-mpesa-customer-unreachable',
    'unknown',
    990,
    'M-Pesa STK push the customer never answered (ResultCode 1037 "DS timeout user cannot be ' +
      'reached"): a payer problem, not a slow provider.',
    [
      String.raw`\bDS\stime-?out\b`,
      String.raw`\b(?:user|customer|subscriber|payer|phone|handset)\s(?:cannot|could\snot|can't|couldn't)\sbe\sreached\b`,
      String.raw`\bresult\s?code\W{0,3}1037\b`,
      String.raw`\b(?:customer|user|subscriber|payer)\s(?:did\snot|didn't)\s(?:respond|answer|enter|complete)\b`,
      String.raw`\bno\sresponse\sfrom\s(?:the\s)?(?:user|customer|subscriber|payer)\b`,
    ],
  ),
  rule(
    'unknown-cancelled-by-payer',
    'unknown',
    990,
    'Payment request cancelled by the user or customer (M-Pesa ResultCode 1032).',
    [String.raw`\bcancel{1,2}ed\sby\s(?:the\s)?(?:user|customer|payer|subscriber)\b`],
  ),
  rule(
    'unknown-closed-period',
    'unknown',
    990,
    'Closed or locked accounting period (QBO 6210 "Account Period Closed"): a finance decision ' +
      '(change the date or reopen the period), not a readiness state of the record.',
    [
      String.raw`\b(?:accounting\s|account\s|books?\s|fiscal\s|financial\s|reporting\s)?period\s(?:is\s|was\s|has\s(?:been\s)?)?(?:already\s)?(?:closed|locked)\b`,
      String.raw`\bclosed\s(?:accounting\s|fiscal\s|financial\s)?period\b`,
      String.raw`\bbooks\s(?:are\s|were\s|have\sbeen\s)?(?:closed|locked)\b`,
      String.raw`\bclosing\sdate\b`,
    ],
  ),
  rule(
    'unknown-stale-object',
    'unknown',
    990,
    'QBO Stale Object Error (5010): someone changed the record in QuickBooks meanwhile; read it ' +
      'before retrying.',
    [
      String.raw`\bstale\s?object\b`,
      String.raw`\bworking\son\s(?:this|the\ssame\s(?:thing|record|transaction))\sat\sthe\ssame\stime\b`,
      String.raw`(?:code|error)\W{0,4}5010\b`,
    ],
  ),
  rule(
    'unknown-awaiting-provider-confirmation',
    'unknown',
    990,
    "A payment waiting for the provider's confirmation is pending, not failed: wait for the " +
      'confirmation before doing anything.',
    [
      String.raw`\b(?:awaiting|waiting\sfor|pending)\s(?:the\s)?(?:payment\s|provider\s|customer\s|callback\s)?confirmation\b`,
      String.raw`\btransaction\sis\s(?:still\s)?being\sprocessed\b`,
    ],
  ),

  // ---------------------------------------------------------- authorization-failed (950)
  rule(
    'auth-oauth-error-codes',
    'authorization-failed',
    950,
    'OAuth 2.0 error codes (invalid_grant, invalid_client, unauthorized_client, ...).',
    [
      String.raw`\b(?:invalid_grant|invalid_client|unauthorized_client|invalid_token|access_denied|invalid_scope|insufficient_scope|consent_required|login_required|interaction_required|expired_token|token_expired|token_revoked)\b`,
    ],
  ),
  rule(
    'auth-failed-names',
    'authorization-failed',
    950,
    'Authentication / authorization failures by name (QBO AuthenticationFailed 003200, ' +
      'ApplicationAuthorizationFailed 003100, "The supplied authentication is invalid", ...).',
    [
      String.raw`\b(?:application\s?)?auth(?:entication|ori[sz]ation)\s?fail(?:ed|ure|s)?\b`,
      String.raw`\berror\s?code\W{0,3}0{0,2}3[12]00\b`,
      String.raw`\bauthentication\s(?:error|required|is\srequired|credentials?\s(?:are\s|were\s|is\s)?(?:invalid|incorrect|rejected|not\saccepted))\b`,
      String.raw`\b(?:supplied|provided)\sauthentication\s(?:is\s)?(?:invalid|incorrect)\b`,
      String.raw`\binvalid\sauthentication\b`,
      String.raw`\b(?:not\sauthenticated|unauthenticated)\b`,
      String.raw`\bauth(?:entication|ori[sz]ation)?\sheader\s(?:is\s)?(?:missing|invalid|rejected)\b`,
    ],
  ),
  rule(
    'auth-http-401-403',
    'authorization-failed',
    950,
    'HTTP 401 / 403 from the outside system or webhook endpoint.',
    [
      String.raw`\b40[13]\s?[-:(]?\s?(?:unauthori[sz]ed|forbidden)\b`,
      String.raw`\b(?:unauthori[sz]ed|forbidden)\W{0,4}(?:http\s)?40[13]\b`,
      String.raw`(?:http|status|code|error|returned|responded|response|replied|failed)(?:\swith)?[\s:="'#(/]{0,5}40[13]\b`,
      String.raw`\(40[13]\)`,
      // A bare code, or one a verb reports: "401", "Endpoint returned a 403", "Got 401 from QBO".
      String.raw`^\W*(?:http\s)?40[13]\W*$`,
      String.raw`\b(?:returned|responded\swith|got|received|answered)\s(?:an?\s)?(?:http\s)?40[13]\b(?=\s*(?:$|[.,;:)!]|from\b|error\b|status\b|response\b|unauthori[sz]ed\b|forbidden\b))`,
    ],
  ),
  rule(
    'auth-denied-words',
    'authorization-failed',
    950,
    'Unauthorized, forbidden, access or permission denied, insufficient scope or permission.',
    [
      String.raw`\bunauthori[sz]ed\b`,
      String.raw`\bforbidden\b`,
      String.raw`\b(?:not|isn't|is\snot)\sauthori[sz]ed\b`,
      String.raw`\b(?:access|permission|authori[sz]ation)\s(?:is\s|was\s)?denied\b`,
      String.raw`\b(?:insufficient|missing|lacks?|no|without)\s(?:the\s)?(?:required\s|necessary\s)?(?:permissions?|privileges?|scopes?|access\srights)\b`,
      String.raw`\b(?:does|do)\s?(?:not|n't)\shave\s(?:the\s)?(?:required\s|necessary\s)?(?:permissions?|privileges?|access|scopes?)\b`,
    ],
  ),
  rule(
    'auth-token-invalid',
    'authorization-failed',
    950,
    'Access or refresh token expired, revoked, invalid or missing.',
    [
      String.raw`\b(?:access|refresh|bearer|oauth2?|auth|api|session|id)?[\s_-]?tokens?\b[^.;!?]{0,40}?\b(?:expired|revoked|invalid(?:ated)?|not\svalid|no\slonger\svalid|rejected|malformed|missing)\b`,
      String.raw`\b(?:expired|revoked|invalid|bad|malformed|missing|unknown)\s(?:or\s(?:expired|invalid|revoked)\s)?(?:access\s|refresh\s|bearer\s|oauth\s|auth\s|api\s|session\s)?tokens?\b`,
    ],
  ),
  rule(
    'auth-credentials',
    'authorization-failed',
    950,
    'Bad or missing API keys, secrets, passwords or credentials (Paystack "Invalid key", Daraja ' +
      '"The initiator information is invalid" 2001, "Invalid grant type", bad webhook signature).',
    [
      String.raw`\binvalid\s(?:api[\s_-]?|secret\s|public\s|private\s|access\s|consumer\s|app\s)?keys?\b`,
      String.raw`\b(?:api|secret|consumer|access)[\s_-]?key\s(?:is\s|was\s)?(?:invalid|incorrect|expired|revoked|missing|required|not\svalid|wrong)\b`,
      String.raw`\binvalid\s(?:login|credentials?|password|passkey|username|client\s(?:id|secret)|consumer\s(?:key|secret)|secret|security\scredentials?|signature|grant\stype)\b`,
      String.raw`\b(?:bad|wrong|incorrect)\s(?:credentials?|password|api\skey|key|secret|username|login)\b`,
      String.raw`\bcredentials?\s(?:are\s|were\s|is\s|was\s)?(?:invalid|incorrect|rejected|expired|not\saccepted|not\svalid)\b`,
      String.raw`\busername\sand\spassword\s(?:not\saccepted|invalid|incorrect)\b`,
      String.raw`\bapplication-specific\spassword\srequired\b`,
      String.raw`\binitiator\sinformation\s(?:is\s)?invalid\b`,
      String.raw`\bmissing\s(?:api[\s_-]?key|secret\skey|credentials?|access\stoken|bearer\stoken|authori[sz]ation(?:\sheader)?)\b`,
      String.raw`\bsignature\s(?:verification\s)?(?:failed|mismatch|invalid|is\sinvalid|does\snot\smatch)\b`,
      String.raw`\bEAUTH\b`,
    ],
  ),
  rule(
    'auth-smtp-codes',
    'authorization-failed',
    950,
    'SMTP authentication replies (530 / 534 / 535 with 5.7.x).',
    [
      String.raw`\b53[045][\s-]5\.7\.\d{1,3}\b`,
      String.raw`\b5\.7\.(?:8|9|57|139)\b`,
      String.raw`\b535\s(?:authentication|incorrect|invalid|auth|error)\b`,
      String.raw`\b530\s(?:authentication|must\sauthenticate|auth)\b`,
    ],
  ),
  rule(
    'auth-reconnect',
    'authorization-failed',
    950,
    'The connection must be re-authorized or reconnected; consent or access revoked; connector ' +
      'disconnected; connection or session expired.',
    [
      String.raw`\bre-?(?:authori[sz]|authenticat)(?:e|es|ing|ation)\b`,
      String.raw`\bauthori[sz]e\s(?:again|the\s(?:app|connection)\sagain)\b`,
      String.raw`\b(?:please|must|need\sto|needs\sto|should|to)\s(?:be\s)?re-?connect(?:ed)?\b`,
      String.raw`\bre-?connect(?:ion)?\s(?:is\s)?(?:required|needed)\b`,
      String.raw`\b(?:to\sbe|must\sbe|should\sbe|be|been)\sre-?(?:authori[sz]ed|authenticated|connected|linked)\b`,
      String.raw`\bre-?connect\s(?:to\s|your\s|the\s|in\s)?(?:quickbooks|qbo|paystack|daraja|m-?pesa|app|account|integration|connector|company)\b`,
      String.raw`\brevoked\b`,
      String.raw`\b(?:connection|consent|access|authori[sz]ation|app|grant)\s(?:has\s(?:been\s)?|was\s|is\s)?withdrawn\b`,
      String.raw`\b(?:quickbooks|qbo|connector|integration|connection|app|company)\s(?:is\s|has\sbeen\s|was\s|got\s)?(?:disconnected|not\sconnected)\b`,
      String.raw`\b(?:connection|session|authori[sz]ation|consent|login)\s(?:has\s|is\s)?expired\b`,
      String.raw`\b(?:your|user|merchant|api|sms|gateway|integration|company|developer)\saccount\s(?:is\s|has\sbeen\s|was\s)?(?:locked|suspended|disabled|deactivated|blocked)\b`,
    ],
  ),

  // ---------------------------------------------------------------------- not-ready (900)
  // "Draft" as the record's state, never a name that holds the word ("Item 'Draft Beer 500ml'").
  rule('not-ready-draft', 'not-ready', 900, 'The source record is a draft.', [
    String.raw`^\W*drafts?\b`,
    String.raw`\(drafts?\)|:\s*drafts?\W*$`,
    String.raw`\bdrafts?\s(?:can|cannot|can't|are|is|may|must|will|won't)\b`,
    String.raw`\b(?:is|was|still|in|as|a|currently|status|state)\W{1,3}(?:(?:still|in|a|as)\s)?drafts?\b`,
    String.raw`\bdrafts?\s(?:${RECORD}s?|records?|documents?|transactions?|entries|status|state|mode)\b`,
  ]),
  rule(
    'not-ready-not-approved-posted',
    'not-ready',
    900,
    'The source record is not approved, posted, finalised, submitted, complete or eligible yet.',
    [
      // Not "posted to QuickBooks" (the sync itself failed) nor "Sync not completed" (its outcome).
      String.raw`(?<!\b(?:sync|syncing|delivery|export|upload|request|job|run|webhook)\s)\b(?:not|never|isn't|wasn't|hasn't|haven't|has\snot|have\snot|is\snot|was\snot)\s(?:yet\s|been\s|yet\sbeen\s|been\syet\s|fully\s)?(?:approved|posted|finali[sz]ed|submitted|released|completed?|closed|ready|eligible|syncable|sync-able)\b(?!\s(?:to|in|into|on)\s(?:the\s)?(?:quickbooks|qbo|xero|paystack|m-?pesa|stripe|provider|gateway)\b)`,
      String.raw`\b(?:unapproved|unposted|unfinali[sz]ed|unsubmitted|ineligible)\b`,
      String.raw`\b${RECORD}\s(?:is\s)?(?:still\s)?incomplete\b`,
      String.raw`\bincomplete\s${RECORD}\b`,
      String.raw`\bonly\s(?:approved|posted|finali[sz]ed|completed|submitted|closed)\s`,
      String.raw`\b(?:until|unless|before)\s(?:it\s|the\s[\w-]{1,20}\s|this\s[\w-]{1,20}\s)?(?:is|has\sbeen|gets|was)\s(?:fully\s)?(?:approved|posted|finali[sz]ed|completed|submitted)\b`,
    ],
  ),
  rule(
    'not-ready-approval',
    'not-ready',
    900,
    'Awaiting or pending approval, posting or sign-off; approval required.',
    [
      String.raw`\b(?:awaiting|pending|waiting\sfor|requires?|needs?|subject\sto|under|in)\s(?:(?:manager|final|finance|supervisor|management|admin|approver)(?:'s)?\s)?(?:approval|posting|sign-?off|review)\b`,
      String.raw`\bapproval\s(?:is\s)?(?:required|pending|needed|outstanding)\b`,
      String.raw`\bmust\sbe\s(?:approved|posted|finali[sz]ed|completed?|submitted|released|closed)\b`,
      String.raw`\b(?:approve|post|finali[sz]e|complete|submit|finish)\s(?:the\s|this\s|it\s)?(?:${RECORD}\s|credit\snote\s|purchase\sorder\s)?(?:first|before\s(?:sync|it\scan|syncing|sending|retrying))`,
    ],
  ),
  rule('not-ready-locked', 'not-ready', 900, 'The source record is locked or on hold.', [
    String.raw`\b${RECORD}\s(?:is\s)?(?:currently\s|still\s)?locked\b`,
    String.raw`\blocked\s(?:state|status|record|for\s(?:approval|editing|sync(?:ing)?))\b`,
    String.raw`\bon\shold\b`,
  ]),

  // ------------------------------------------------------------ mapping vs duplicate (860)
  rule(
    'mapping-linked-elsewhere',
    'mapping-missing',
    860,
    'The AWRA value is already linked to a different outside value: the mapping needs fixing.',
    [String.raw`\balready\s(?:mapped|linked)\sto\s(?:another|a\sdifferent)\b`],
  ),

  // ------------------------------------------------------------ duplicate-detected (850)
  rule(
    'duplicate-qbo-names',
    'duplicate-detected',
    850,
    'QBO Duplicate Name Exists Error (6240) and Duplicate Document Number Error (6140).',
    [
      String.raw`\bduplicate\s?(?:name|document\s?number|doc\s?number)\b`,
      String.raw`(?:code|error|err)\W{0,4}(?:6240|6140)\b`,
      String.raw`\((?:6240|6140)\)`,
    ],
  ),
  rule(
    'duplicate-word',
    'duplicate-detected',
    850,
    'Duplicate reference, transaction, record, key ... ("no duplicate found" excluded).',
    [
      String.raw`(?<!\bno\s)(?<!\bnot\s)(?<!\bnot\sa\s)(?<!\bnon-)\bduplicat(?:e|es|ed|ion)(?:\b|_)(?!\s(?:check|checks|detection|test)\s(?:passed|ok|clear|succeeded))`,
      String.raw`\bdup(?:licate)?\skey\b`,
    ],
  ),
  rule(
    'duplicate-already',
    'duplicate-detected',
    850,
    'Already exists / synced / recorded / used / in process ("Another customer is already using ' +
      'this name", "The transaction is already in process", "invoice is already paid").',
    [
      String.raw`\balready\s(?:been\s)?(?:exists?|synced|synchroni[sz]ed|created|recorded|processed|posted\s(?:to|in)|imported|exported|applied|paid|used|uses|in\suse|using|taken|registered|sent\sto|submitted\sto|in\s(?:process|progress|quickbooks|qbo)|assigned|on\sfile)\b`,
      String.raw`\bexists?\salready\b`,
      String.raw`\bunable\sto\slock\ssubscriber\b`,
    ],
  ),
  rule(
    'duplicate-possible',
    'duplicate-detected',
    850,
    'Possible duplicate, matching record found in the outside system, value must be unique.',
    [
      String.raw`\b(?:possible|potential|probable|likely|suspected)\sduplicates?\b`,
      String.raw`\b(?:may|might|could)\salready\s(?:exist|be\s(?:in|synced|recorded))`,
      String.raw`(?<!\bno\s)\bmatching\s(?:record|invoice|bill|payment|customer|vendor|item|transaction|entry|deposit|document|receipt|sale)s?\s(?:was\s|were\s|already\s)?(?:found|exists?|detected)\b`,
      String.raw`(?<!\bno\s)\bmatching\s[^.;]{1,40}\s(?:was|were)\s(?:found|detected)\s(?:in|on)\b`,
      String.raw`\b(?:must\sbe|is\snot|not)\sunique\b`,
      String.raw`\bunique\s(?:constraint|violation|key)\b`,
      String.raw`\bsame\s(?:reference|number|name|document\snumber|doc\s?number)\s(?:already\s)?exists\b`,
    ],
  ),

  // --------------------------------------------------------------- mapping-missing (800)
  rule(
    'mapping-not-mapped',
    'mapping-missing',
    800,
    'Not mapped / not linked / no mapping / mapping missing.',
    [
      String.raw`\b(?:not|isn't|aren't|wasn't|never|has\snot\sbeen|have\snot\sbeen)\s(?:yet\s)?(?:been\s)?(?:mapped|linked|matched|associated)\b`,
      String.raw`\bun-?(?:mapped|linked|matched)\b`,
      String.raw`\bno\s(?:[\w/'-]{1,30}\s){0,3}?(?:mappings?|mapped|link|linked)\b`,
      String.raw`\bmappings?\s(?:is\s|are\s|was\s)?(?:missing|not\s(?:found|set|configured|defined|available)|required|absent|empty|invalid|inactive|broken)\b`,
      String.raw`\bmissing\s(?:[\w/-]{1,30}\s){0,2}?mappings?\b`,
      String.raw`\b(?:has|have|with|without)\s(?:no\s|a\s)?(?:quickbooks\s|qbo\s|valid\s)?(?:mapping|link)\b`,
      String.raw`\bmapping\s(?:for|of)\s[^.;]{1,60}\s(?:is\s)?(?:missing|not\sfound|required)\b`,
    ],
  ),
  rule(
    'mapping-not-in-outside-system',
    'mapping-missing',
    800,
    'The linked value is missing, deleted or inactive in QuickBooks (or another outside system), ' +
      'or differs from its setup.',
    [
      String.raw`\b(?:not\sfound|does\snot\sexist|doesn't\sexist|do\snot\sexist|no\slonger\sexists?|could\snot\sbe\sfound|cannot\sbe\sfound|missing|absent|not\spresent|not\sset\sup|not\sconfigured|deleted|inactive|archived|not\sactive|no\slonger\sactive|disabled)\s(?:in|on|from)\s(?:the\s)?${OUTSIDE}\b`,
      String.raw`\b(?:could\snot|couldn't|cannot|can't|unable\sto|did\snot|didn't)\sfind\s(?:a\s|an\s|the\s|any\s)?(?:matching\s|linked\s|mapped\s)?(?:quickbooks|qbo)\b`,
      String.raw`\bno\s(?:matching\s)?(?:quickbooks|qbo)\s(?:id|ref(?:erence)?|record|customer|vendor|item|account|tax|product|payment\smethod|class|location|department|category|equivalent|match)\b`,
      String.raw`\bno\smatch(?:ing)?\b[^.;]{0,50}\b(?:quickbooks|qbo)\b`,
      String.raw`\b(?:does\snot|doesn't|do\snot|don't)\smatch\s(?:any\s|the\s)?(?:quickbooks|qbo)\b`,
      String.raw`\b(?:differs?|different)\sfrom\s(?:the\s)?(?:quickbooks|qbo)\b`,
    ],
  ),
  rule(
    'mapping-none-found',
    'mapping-missing',
    800,
    '"No customer found", "no matching item found": the lookup of the linked value failed.',
    [String.raw`\bno\s(?:matching\s)?${KIND}\s(?:was\s|were\s)?found\b`],
  ),
  rule(
    'mapping-qbo-reference-errors',
    'mapping-missing',
    800,
    'QBO Invalid Reference Id (2500), Object Not Found (610), "made inactive", Invalid account ' +
      'type; a mapped or linked value that is inactive or deleted.',
    [
      String.raw`\binvalid\sreference\sid\b`,
      String.raw`\bobject\snot\sfound\b`,
      String.raw`(?:code|error)\W{0,4}(?:2500|610)\b`,
      String.raw`\bmade\sinactive\b`,
      String.raw`\binvalid\saccount\stype\b`,
      String.raw`\bselect\sa\sdifferent\s(?:type\sof\s)?account\b`,
      String.raw`\belement\sid\s[\w-]{1,30}\snot\sfound\b`,
      String.raw`\b(?:mapped|linked)\s(?:[\w-]{1,30}\s){0,2}?(?:is|was|has\sbeen)\s(?:now\s)?(?:inactive|deleted|archived|disabled|not\sfound|invalid)\b`,
      String.raw`\b(?:mapped|linked|maps|links|points)\sto\san?\s(?:inactive|deleted|archived|invalid|disabled)\b`,
    ],
  ),
  rule(
    'mapping-kind-not-found',
    'mapping-missing',
    800,
    'An account, tax code, customer, vendor, item, warehouse, payment method or category that is ' +
      'not found, inactive, deleted or not synced to QuickBooks.',
    [
      String.raw`\b${KIND}(?:\s["'][^"']{1,60}["']|\s[\w#/-]{1,30}){0,2}\s(?:was\s|is\s|has\sbeen\s|could\snot\sbe\s|cannot\sbe\s)?(?:not\sfound|does\snot\sexist|doesn't\sexist|inactive|deleted|archived|not\sactive|no\slonger\sactive|disabled|unknown)\b`,
      String.raw`\b${KIND}(?:\s["'][^"']{1,60}["']|\s[\w#/-]{1,30}){0,2}\s(?:has\snot|hasn't|is\snot|isn't|was\snot|not)\s(?:yet\s)?(?:been\s)?(?:synced|synchroni[sz]ed|exported|created)\s(?:to|in)\s(?:quickbooks|qbo)\b`,
    ],
  ),
  rule(
    'mapping-invalid-reference-value',
    'mapping-missing',
    800,
    'Invalid tax code / account / item / customer reference (differs from the outside setup).',
    [
      String.raw`\binvalid\s(?:tax\s?(?:code|rate|group)|vat\s(?:code|rate)|account|item|product|class|department|location|payment\smethod|category|warehouse|customer|vendor)(?:\s?ref(?:erence)?)?\b(?!\s(?:e-?mail|phone|mobile|number|name|address|format|data|details))`,
      String.raw`\b(?:tax\s?code|tax\srate|txntaxcoderef|taxcoderef|itemref|accountref|customerref|vendorref|classref|departmentref)\s(?:is\s)?(?:invalid|not\svalid)\b`,
    ],
  ),
  rule(
    'mapping-account-config',
    'mapping-missing',
    800,
    'An income, expense, asset, receivable, payable, deposit or bank account is not set, missing ' +
      'or inactive (an account mapping).',
    [
      String.raw`\b(?:income|expense|asset|inventory\sasset|cogs|cost\sof\s(?:goods\s)?sales|receivables?|payables?|accounts\s(?:receivable|payable)|a/r|a/p|deposit|undeposited\sfunds|clearing|bank|revenue|sales|discount|shipping|rounding|suspense|liability|default)\s(?:accounts?|acct)\b[^.;]{0,40}?\b(?:not\s(?:set|configured|defined|selected|specified|found|available)|missing|inactive|invalid|not\sset\sup|undefined)\b`,
      String.raw`\bno\s(?:income|expense|asset|inventory\sasset|cogs|receivable|payable|a/r|a/p|deposit|undeposited\sfunds|clearing|bank|revenue|sales|default)\s(?:accounts?|acct)\b`,
    ],
  ),

  // -------------------------------------------------------- missing-required-field (700)
  rule(
    'missing-required-param',
    'missing-required-field',
    700,
    'QBO Required param missing (2020) and "missing required field" wordings.',
    [
      String.raw`\brequired\sparam(?:eter)?s?\b[^.;]{0,80}?\b(?:missing|not\s(?:supplied|provided|set))\b`,
      String.raw`\bmissing\srequired\s(?:field|param(?:eter)?|value|property|attribute|information|data|input)s?\b`,
      String.raw`\brequired\s(?:field|value|property|attribute|information|data|input)s?(?:\(s\))?\s(?:is\s|are\s|was\s|were\s)?(?:missing|blank|empty|not\s(?:supplied|provided|set|filled))\b`,
      String.raw`\bmissing_required`,
      String.raw`\brequired_field`,
      String.raw`(?:code|error)\W{0,4}2020\b`,
      String.raw`\bneed\sto\ssupply\sthe\srequired\svalue\b`,
    ],
  ),
  rule(
    'missing-is-required',
    'missing-required-field',
    700,
    '"... is required", "field required".',
    [
      String.raw`\b(?:is|are|was|were)\s(?:a\s)?(?:required|mandatory)\b`,
      String.raw`\b(?:field|value|input)\s(?:is\s)?required\b`,
      String.raw`\brequired\sfield\b`,
      String.raw`\b${FIELD}\s(?:is\s|are\s)?(?:required|mandatory)\b`,
    ],
  ),
  rule(
    'missing-blank-empty',
    'missing-required-field',
    700,
    'Cannot be blank / empty / null; must be provided / selected; must have a ...',
    [
      String.raw`\b(?:cannot|can\snot|can't|must\snot|may\snot|should\snot|shouldn't|mustn't)\sbe\s(?:left\s)?(?:blank|empty|null|missing|omitted)\b`,
      String.raw`\b(?:is|are|was|were|left)\s(?:left\s)?(?:blank|empty|null|unset|not\s(?:set|provided|specified|supplied|entered|filled(?:\sin)?|selected))\b`,
      String.raw`\b(?:must|should)\sbe\s(?:provided|specified|supplied|entered|filled(?:\sin)?|selected|set|given|present)\b`,
      String.raw`\b(?:must|should|need\sto)\s(?:provide|specify|supply|enter|select|choose|fill\sin)\s(?:a|an|the|at\sleast)\b`,
      String.raw`\bmust\shave\s(?:a|an|at\sleast\sone)\b`,
      String.raw`\bmake\ssure\s(?:all\s)?(?:your\s)?(?:transactions?|lines?)\s(?:have|has)\sa\b`,
    ],
  ),
  rule(
    'missing-field-missing',
    'missing-required-field',
    700,
    'A named field (customer, tax, item, account, amount, date, reference, email, phone, ' +
      'recipient) is missing, blank or absent.',
    [
      String.raw`\b${FIELD}(?:\s(?:field|value|details?|info(?:rmation)?))?\s(?:is\s|are\s|was\s)?(?:missing|absent|blank|empty|not\sprovided|not\sspecified|not\ssupplied|not\sentered|not\sselected|not\sset|unspecified)\b`,
    ],
  ),
  rule(
    'missing-missing-field',
    'missing-required-field',
    700,
    '"Missing phone number", "missing the customer".',
    [String.raw`\bmissing\s(?:the\s|a\s|an\s)?(?:required\s)?${FIELD}\b`],
  ),
  rule(
    'missing-no-field',
    'missing-required-field',
    700,
    '"No recipient address", "has no amount", "without a customer".',
    [
      String.raw`\b(?:no|without\s(?:a|an|any)|lacks?\s(?:a|an))\s(?:valid\s)?${FIELD}\b(?!\s(?:mapping|mapped|link|linked|found|match|matches|in\s(?:quickbooks|qbo)))`,
    ],
  ),

  // ----------------------------------------------------- temporary-provider-issue (600)
  rule(
    'temporary-timeout',
    'temporary-provider-issue',
    600,
    'Timeouts and providers that did not answer.',
    [
      String.raw`\btime(?:d)?[\s-]?outs?\b`,
      String.raw`\bE(?:SOCKET|CONN)?TIMEDOUT\b`,
      String.raw`\bdeadline\sexceeded\b`,
      String.raw`\btook\stoo\slong\b`,
      String.raw`\b(?:did\snot|didn't)\s(?:respond|answer)\b`,
      String.raw`\bno\s(?:response|reply|answer)\s(?:from|received|within)\b`,
      String.raw`\bnot\sresponding\b`,
      String.raw`\bgreeting\snever\sreceived\b`,
      String.raw`\bempty\sreply\b`,
    ],
  ),
  rule(
    'temporary-network',
    'temporary-provider-issue',
    600,
    'Network failures (ECONNRESET, ECONNREFUSED, ENOTFOUND, EAI_AGAIN, socket hang up, ...).',
    [
      String.raw`\bE(?:CONNRESET|CONNREFUSED|CONNABORTED|PIPE|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH|NETDOWN|HOSTDOWN|CONNECTION|SOCKET)\b`,
      String.raw`\bsocket\shang\s?up\b`,
      String.raw`\bconnection\s(?:was\s|has\sbeen\s)?(?:reset|refused|aborted|dropped|closed\sunexpectedly|interrupted)\b`,
      String.raw`\bnetwork\s(?:error|failure|is\sunreachable|unreachable|issue|problem)\b`,
      String.raw`\b(?:could\snot|couldn't|unable\sto|failed\sto)\sconnect\b`,
      String.raw`\b(?:host|server|service|endpoint|provider|gateway|api|quickbooks(?:\sonline)?|qbo|paystack|daraja|m-?pesa|safaricom|intuit)\s(?:is\s)?(?:currently\s)?(?:unreachable|down|offline|not\sreachable|unavailable)\b`,
      String.raw`\bcurrently\sunreachable\b`,
      String.raw`\bunexpected\seof\b`,
      String.raw`\bgetaddrinfo\b`,
    ],
  ),
  rule(
    'temporary-http-status',
    'temporary-provider-issue',
    600,
    'HTTP 429 and 5xx (500, 502, 503, 504, 520-524) from the outside system or endpoint.',
    [
      String.raw`(?:http|status|code|error|returned|responded|response|replied|failed)(?:\swith)?[\s:="'#(/]{0,5}(?:429|50[0234]|52[0-4])\b`,
      String.raw`\b(?:429|50[0234]|52[0-4])\s?[-:(]?\s?(?:too\smany\srequests|internal\sserver\serror|bad\sgateway|service\s(?:temporarily\s)?unavailable|gateway\stime-?out|from\s|error\b)`,
      String.raw`\((?:429|50[0234]|52[0-4])\)`,
      String.raw`^\W*(?:http\s)?(?:429|50[0234]|52[0-4])\W*$`,
      String.raw`\b(?:returned|responded\swith|got|received|answered)\s(?:an?\s)?(?:http\s)?(?:429|50[0234]|52[0-4])\b(?=\s*(?:$|[.,;:)!]|from\b|error\b|status\b|response\b))`,
    ],
  ),
  rule(
    'temporary-rate-limit',
    'temporary-provider-issue',
    600,
    'Rate limits, throttling (QBO ThrottleExceeded), quotas, Daraja spike arrest.',
    [
      String.raw`\brate[\s-]?limit(?:s|ed|ing)?\b`,
      String.raw`\btoo\smany\s(?:requests|calls|attempts|login\sattempts|connections)\b`,
      String.raw`\bthrottl(?:e|ed|es|ing)\b`,
      String.raw`\bthrottleexceeded\b`,
      String.raw`\bquota\s(?:exceeded|violation|reached)\b`,
      String.raw`\bspike\sarrest\b`,
      String.raw`\bslow\sdown\b`,
      String.raw`\brequest\slimit\s(?:exceeded|reached)\b`,
    ],
  ),
  rule(
    'temporary-unavailable',
    'temporary-provider-issue',
    600,
    'Service unavailable, busy, overloaded, under maintenance, internal server error, bad gateway, ' +
      'try again later.',
    [
      String.raw`\bservice\s(?:is\s)?(?:temporarily\s|currently\s)?unavailable\b`,
      String.raw`\btemporar(?:y|ily)\b`,
      String.raw`\btry\s(?:again\s)?(?:later|shortly|in\s(?:a\sfew|few|\d{1,3})\s(?:minutes?|seconds?|mins?|secs?|moments?))\b`,
      String.raw`\bretry\s(?:later|shortly|after\s\d|in\s\d)`,
      String.raw`\b(?:server|system|service|gateway|network|provider|api)\s(?:is\s)?(?:currently\s)?(?:busy|overloaded|congested|degraded)\b`,
      String.raw`\boverloaded\b`,
      String.raw`\b(?:scheduled\s|planned\s|under\s)?maintenance\b`,
      String.raw`\bbad\sgateway\b`,
      String.raw`\bgateway\stime-?out\b`,
      String.raw`\binternal\s?server\s?error\b`,
      String.raw`\bgatewayerror\b`,
      String.raw`\bserver\serror\b`,
      String.raw`\bupstream\b`,
      String.raw`\bsystem\sfailure\b`,
    ],
  ),
  rule(
    'temporary-smtp-4xx',
    'temporary-provider-issue',
    600,
    'SMTP transient replies (421, 450, 451, 452, 454 with 4.x.x).',
    [
      String.raw`\b4(?:21|50|51|52|54)[\s-]4\.\d{1,3}\.\d{1,3}\b`,
      String.raw`\b4(?:21|51)\s(?:service|local|temporary|try|too)\b`,
    ],
  ),

  // ------------------------------------------------- authorization-failed, weak (500)
  rule(
    'auth-token-refresh-failed',
    'authorization-failed',
    500,
    'A token refresh or token request failed (an outage in the same message wins).',
    [
      String.raw`\b(?:token\srefresh|refresh(?:ing)?\s(?:the\s)?(?:access\s)?token|(?:obtain|get|fetch|request)(?:ing)?\s(?:an?\s)?(?:access\s|oauth\s)?token)\s(?:failed|error|unsuccessful)\b`,
      String.raw`\b(?:failed|unable|could\snot|couldn't)\s(?:to\s)?(?:refresh|renew|obtain|get|fetch)\s(?:the\s|an?\s)?(?:access\s|oauth\s|refresh\s)?token\b`,
      String.raw`\bauthori[sz]ation\s(?:required|error)\b`,
      String.raw`\bauth(?:entication)?\s(?:error|problem|issue)\b`,
    ],
  ),

  // ----------------------------------------------- missing-required-field, weak (450)
  rule(
    'missing-generic',
    'missing-required-field',
    450,
    'A bare "missing", or a prompt to enter / select a value.',
    [
      String.raw`\bmissing\b`,
      String.raw`\bplease\s(?:enter|provide|select|add|fill\sin|specify|choose)\s(?:a|an|the)\b`,
      String.raw`\b(?:enter|select|choose|add)\s(?:a|an)\s${FIELD}\b`,
    ],
  ),
];
