#include "gazette/stats/bot_filter.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::stats {
namespace {

// Real browsers, desktop and mobile, including in-app browsers of people following a shared link.
constexpr const char* kBrowsers[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile "
    "Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 "
    "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 "
    "Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36 Edg/120.0.2210.91",
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 "
    "Safari/537.36 OPR/105.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 "
    "YaBrowser/23.11.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 [FBAN/FBIOS;FBAV/444.0.0.41.110;FBBV/541766005;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;"
    "FBSV/17.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 Instagram 307.0.0.34.111",
    "Mozilla/5.0 (Linux; Android 12; Pixel 6) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/119.0.6045.163 Mobile Safari/537.36 [Pinterest/Android]",
    "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36",
};

constexpr const char* kBots[] = {
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 "
    "Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)",
    "Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
    "(compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)",
    "CCBot/2.0 (https://commoncrawl.org/faq/)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
    "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
    "(compatible; Bytespider; spider-feedback@bytedance.com)",
    "curl/8.4.0",
    "Wget/1.21.3",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
    "Java/1.8.0_151",
    "okhttp/4.12.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 5 subscribers; like FeedFetcher-Google)",
    "Tiny Tiny RSS/23.01 (Unsupported) (https://tt-rss.org/)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "WhatsApp/2.23.20.0 A",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Mozilla/5.0 (compatible; archive.org_bot +http://archive.org/details/archive.org_bot)",
    "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/115.0.0.0 "
    "Safari/537.36 Chrome-Lighthouse",
    "Mozilla/5.0 zgrab/0.x",
    "Scrapy/2.11.0 (+https://scrapy.org)",
};

TEST(BotFilter, RecognisesCommonBotsAndTools) {
  const BotFilter& filter = BotFilter::Default();
  for (const char* agent : kBots) EXPECT_TRUE(filter.IsBot(agent)) << agent;
}

TEST(BotFilter, LetsCommonBrowsersThrough) {
  const BotFilter& filter = BotFilter::Default();
  for (const char* agent : kBrowsers) EXPECT_FALSE(filter.IsBot(agent)) << agent;
}

TEST(BotFilter, IgnoresCase) {
  const BotFilter& filter = BotFilter::Default();
  EXPECT_TRUE(filter.IsBot("GOOGLEBOT"));
  EXPECT_TRUE(filter.IsBot("CURL/7.88.1"));
  EXPECT_TRUE(filter.IsBot("SomeNewCrawler/1.0"));
}

TEST(BotFilter, ChecksLongAgentsWhole) {
  const BotFilter& filter = BotFilter::Default();
  EXPECT_TRUE(filter.IsBot(std::string(3000, 'x') + " Googlebot"));
  EXPECT_FALSE(filter.IsBot(std::string(3000, 'x')));
  EXPECT_FALSE(filter.IsBot(""));
}

TEST(BotFilter, DefaultListIsTheEmbeddedFile) {
  // Dozens of patterns survive after those implied by a shorter one ("googlebot" by "bot") are dropped.
  EXPECT_GT(BotFilter::Default().size(), 80u);
}

TEST(BotFilter, ReadsCommentsBlanksAndCaseFromText) {
  const BotFilter filter = BotFilter::FromText(
      "# a comment naming curl, which must not become a pattern\n"
      "\n"
      "   \n"
      "  ExampleBot  \n"
      "Fetch Tool\r\n"
      "\t# indented comment\n"
      "last-line-without-newline");
  EXPECT_EQ(filter.size(), 3u);
  EXPECT_TRUE(filter.IsBot("Mozilla/5.0 (compatible; examplebot/1.0)"));
  EXPECT_TRUE(filter.IsBot("FETCH TOOL 2"));
  EXPECT_FALSE(filter.IsBot("FetchTool"));  // the inner space is part of the pattern
  EXPECT_TRUE(filter.IsBot("x LAST-LINE-WITHOUT-NEWLINE"));
  EXPECT_FALSE(filter.IsBot("curl/8.0"));
  EXPECT_FALSE(filter.IsBot("a comment"));
}

TEST(BotFilter, DropsPatternsImpliedByShorterOnes) {
  const BotFilter filter = BotFilter::FromText("googlebot\nbot\nBingBot\nspider\nbot\n");
  EXPECT_EQ(filter.size(), 2u);
  EXPECT_TRUE(filter.IsBot("Googlebot/2.1"));
  EXPECT_TRUE(filter.IsBot("baiduspider"));
}

TEST(BotFilter, FindsPatternsAnywhereWhateverTheirLength) {
  const BotFilter filter = BotFilter::FromText("x\nab\ncde\nlonger pattern\n");
  EXPECT_EQ(filter.size(), 4u);
  EXPECT_TRUE(filter.IsBot("x"));
  EXPECT_TRUE(filter.IsBot("..ab"));
  EXPECT_TRUE(filter.IsBot("cde"));
  EXPECT_TRUE(filter.IsBot("a LONGER PATTERN"));
  EXPECT_TRUE(filter.IsBot("longer pattern at the start"));
  EXPECT_FALSE(filter.IsBot("a longer patter"));
  EXPECT_FALSE(filter.IsBot("yz"));
  EXPECT_FALSE(BotFilter::FromText("abc").IsBot("ab"));
}

TEST(BotFilter, EmptyListMatchesNothing) {
  const BotFilter filter = BotFilter::FromText("# nothing\n\n");
  EXPECT_EQ(filter.size(), 0u);
  EXPECT_FALSE(filter.IsBot("Googlebot"));
}

}  // namespace
}  // namespace gazette::stats
