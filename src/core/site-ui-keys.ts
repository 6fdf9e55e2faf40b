/** Interface strings the site prints; every locale needs them (its own, or the default locale's), never empty. */
export const SITE_UI_KEYS = [
  'skipToContent', 'leaveSite', 'leaveSiteHint', 'mainNavigation', 'language', 'menu', 'getHelp', 'moreHelp',
  'pageNavigation', 'previous', 'next', 'onThisPage', 'home', 'footerLicence', 'footerVersion',
  'downloads', 'downloadsIntro', 'handouts', 'paperLetter', 'paperA4', 'pagesCount', 'pdfFile', 'printHandout',
  'offlineKit', 'offlineKitIntro', 'downloadKit', 'downloadKitAll',
  'callPhone', 'textSms', 'visitWebsite', 'calloutImportant', 'calloutWorried', 'listenFor',
  'fallbackNotice', 'handoutInLanguage', 'draftNotice', 'outdatedNotice', 'notFoundTitle', 'notFoundText',
  'leaveSitePrivacy', 'privacyTitle', 'privacyTip', 'previewAlt', 'zipNotice', 'guideDownloads', 'guideIntro',
  'searchLandmark', 'searchLabel', 'searchButton', 'searchTitle', 'searchCount', 'searchNone', 'searchEveryPage', 'searchNoScript',
  'offlineSaveTitle', 'offlineSaveWhat', 'offlineSaveWho', 'offlineSaveRemove', 'offlineSaveButton', 'offlineRemoveButton',
  'offlineSaving', 'offlineSaved', 'offlineRemoved', 'offlineFailed',
] as const;
