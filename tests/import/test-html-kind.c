/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kinds of web page (article.kind) and what each keeps: a thread every post with its author, a
 * listing its teasers in order, a product its description and specifications, documentation
 * its headings and code. All pages are made up for these tests. */
#include "config.h"

#include <string.h>

#include "html-page.h"

static void
test_article (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Ferry service resumes | The Coastal Times</title>"
    "<meta property=\"og:type\" content=\"article\">"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
    " \"headline\": \"Ferry service resumes after the storm\", \"datePublished\": \"2025-03-03T09:00:00+01:00\","
    " \"author\": {\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}}</script></head><body>" NAV
    "<article><h1>Ferry service resumes after the storm</h1><p>By Ana Ruiz</p>"
    "<p>The ferry between the harbour and the islands sailed again on Monday, a week after the storm "
    "damaged the landing stage on the larger island.</p>"
    "<p>Engineers had worked through the weekend, the operator said, and the timetable would be back to "
    "normal by Wednesday.</p></article>" FOOTER "</body></html>");

  g_assert_cmpstr (arx_article_get_kind (a), ==, "article");
  assert_has (a, "The ferry between the harbour");
  assert_lacks (a, "All rights reserved");
}

/* Forum software that puts the opening post and the replies in different wrappers, the replies
 * in "Comment" containers: in a thread, comments are content. */
static void
test_forum_replies_elsewhere (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Sourdough starter smells of nail polish - Bakers' Forum</title>"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": "
    "\"DiscussionForumPosting\", \"headline\": \"Sourdough starter smells of nail polish\"}</script></head><body>"
    NAV "<div class=\"content\"><h1>Sourdough starter smells of nail polish</h1>"
    "<div class=\"MessageList Discussion\"><div class=\"Item-Body\"><div class=\"Message userContent\">"
    "<p>My starter is two weeks old and since Sunday it smells sharply of nail polish remover after every "
    "feeding. Is it dying, or can I still bake with it this weekend?</p>"
    "<p>I feed it every morning with equal weights of rye flour and water, keep it in a glass jar with a loose "
    "lid on the kitchen counter, and stir it before each feeding. It doubled nicely in the first week, rose a "
    "little less in the second, and now it hardly rises at all, with a grey liquid on top by the evening.</p>"
    "<p>The flour is a wholemeal rye from the same bag I started with, the water comes from the tap, and the "
    "kitchen is about eighteen degrees during the day and colder at night. I have not changed anything since "
    "the first day, which is why the smell surprises me.</p></div></div></div>"
    "<div class=\"CommentsWrap\"><h2>Comments</h2><ul class=\"MessageList Comments\">");
  static const char *const replies[] = {
    "That smell means it is hungry: feed it twice a day for a few days, with a little more flour than water, "
    "and the sharp note goes away.",
    "Keep it somewhere warmer as well. Mine smelled the same in a cold kitchen and recovered within three days "
    "once it sat near the oven.",
    "It is not dying at all. Discard most of it before each feeding so that the yeast has fresh food and the "
    "acid does not build up.",
  };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    g_string_append_printf (html, "<li class=\"Item ItemComment\"><div class=\"Comment\"><div class=\"Author\">"
                                  "<a href=\"/profile/baker%u\">baker%u</a></div><div class=\"Item-Body\">"
                                  "<div class=\"Message userContent reply\"><p>%s</p></div></div></div></li>",
                            i, i, replies[i]);
  g_string_append (html, "</ul></div></div>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "forum");
  assert_has (a, "smells sharply of nail polish remover");
  assert_has (a, "That smell means it is hungry");
  assert_has (a, "Keep it somewhere warmer as well");
  assert_has (a, "Discard most of it before each feeding");
}

/* A thread page whose opening post stands apart from the replies (its own article element, the
 * replies further down the page after other blocks): the replies' text blocks look like the
 * opening post's, and are the thread too. */
static void
test_forum_posts_apart (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Which bike lock for the city? - Cycling Forum</title>"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": "
    "\"DiscussionForumPosting\", \"headline\": \"Which bike lock for the city?\"}</script>"
    "<meta property=\"article:published_time\" content=\"2025-03-02T09:15:00Z\"></head><body>"
    NAV "<div class=\"page\"><div class=\"layout-main\"><h1>Which bike lock for the city?</h1>"
    "<div class=\"thread-info\">Last reply <time datetime=\"2025-03-05T18:00:00Z\">5 March</time></div>"
    "<div class=\"topic-start\"><div class=\"topic-head\"><a href=\"/u/ana\">ana</a></div>"
    "<div class=\"post-text\"><p>My second bike this year was stolen from the rack outside the station, "
    "with a cable lock that somebody cut in seconds. I park there every weekday from eight to six.</p>"
    "<p>Which lock would you buy for a commuter bike worth about five hundred euros, and is it worth "
    "carrying two locks every day?</p>"
    "<p>The racks there are the old kind that only hold the front wheel, so I have been locking the frame to "
    "the rack with the cable and leaving the rear wheel free. The station has cameras, but the staff told me "
    "they are not pointed at the racks and nobody looks at the recordings unless the police ask for them.</p>"
    "<p>I have read that an angle grinder gets through any lock, so I wonder whether a better lock helps at "
    "all, or whether it only sends the thief to the next bike. A guarded garage costs twelve euros a month "
    "and is a ten-minute walk from the platform, which I would rather avoid in the rain.</p>"
    "<p>Any advice on brands, weights and how you carry the lock on the bike would be welcome too, since my "
    "bag is already full with a laptop and lunch on most days of the week.</p></div></div>"
    "<div class=\"topic-tools\"><a href=\"/report\">Report</a> <a href=\"/quote\">Quote</a></div></div>"
    "<div class=\"layout-lower\"><div class=\"similar\"><h3>Similar threads</h3><ul>"
    "<li><a href=\"/t/1\">Best lock for an e-bike at work</a></li><li><a href=\"/t/2\">Are folding locks any "
    "good?</a></li><li><a href=\"/t/3\">Insurance for a stolen bike</a></li><li><a href=\"/t/4\">Cable or "
    "chain for the school run</a></li><li><a href=\"/t/5\">Where to park near the central station</a></li>"
    "</ul></div><div class=\"thread-replies\"><div class=\"reply-count\">3 replies</div>");
  static const char *const replies[] = {
    "A heavy D-lock through the frame and the rear wheel, plus a small cable for the front wheel; thieves "
    "at stations go for the easy bikes.",
    "Two locks of different kinds, yes. A thief then needs two tools, and most of them do not carry both.",
    "Register the frame number with the police as well, and take a photo of the bike; it helped me get "
    "mine back last spring.",
  };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    g_string_append_printf (html, "<div class=\"reply-row\"><div class=\"reply-head\"><a href=\"/u/r%u\">rider%u</a>"
                                  "</div><div class=\"post-text\"><p>%s</p></div></div>", i, i, replies[i]);
  g_string_append (html, "</div></div></div>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "forum");
  /* the thread's date, not its latest reply's */
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-03-02T09:15:00Z");
  assert_lacks (a, "Insurance for a stolen bike");
  assert_has (a, "My second bike this year was stolen");
  assert_has (a, "A heavy D-lock through the frame");
  assert_has (a, "Two locks of different kinds, yes");
  assert_has (a, "Register the frame number");
}

/* Forum software that names its canonical address relative to the site ("viewtopic.php?id=…"):
 * the path alone tells a thread. */
static void
test_forum_relative_address (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Laptop fan loud after update / Hardware</title>"
    "<link rel=\"canonical\" href=\"viewtopic.php?id=5120\"></head><body>"
    NAV "<div id=\"content\"><h2>Laptop fan loud after update</h2>");
  static const char *const posts[][2] = {
    { "kernelfan", "Since yesterday's update the fan of my laptop runs at full speed even when the machine is "
                   "idle, and the temperatures it reports look normal." },
    { "pacmaster", "Check which process keeps a core busy; an indexer that restarts after every update is the "
                   "usual cause, and it calms down after an hour." },
    { "kernelfan", "You were right, the file indexer was rebuilding its database. The fan is quiet again." },
  };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    g_string_append_printf (html, "<div class=\"blockpost post\"><div class=\"postleft\"><dl><dt><strong>%s</strong>"
                                  "</dt></dl></div><div class=\"postright\"><div class=\"postmsg\"><p>%s</p></div>"
                                  "</div></div>", posts[i][0], posts[i][1]);
  g_string_append (html, "</div>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "forum");
  assert_has (a, "the fan of my laptop runs at full speed");
  assert_has (a, "The fan is quiet again");
}

static void
test_forum (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Which tent for a windy coast? - Outdoor Forum</title>"
    "<link rel=\"canonical\" href=\"https://forum.example.org/t/which-tent-for-a-windy-coast/4411\">"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": "
    "\"DiscussionForumPosting\", \"headline\": \"Which tent for a windy coast?\", \"author\": {\"@type\": "
    "\"Person\", \"name\": \"hillwalker\"}, \"datePublished\": \"2025-02-11T18:20:00Z\"}</script></head><body>"
    NAV "<main><h1>Which tent for a windy coast?</h1><div class=\"posts\">");
  static const char *const posts[][2] = {
    { "hillwalker", "I am planning a week on the western coast in April and my old dome tent bent in the wind last "
                    "year. Which tent would you take?" },
    { "seabird", "A tunnel tent pitched with its back to the wind has never failed me, as long as every guy line is "
                 "out before the gusts start." },
    { "hillwalker", "Thank you, I will look at tunnel tents then. Do you double the pegs on sand?" },
  };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    g_string_append_printf (html, "<div class=\"post\"><div class=\"post-author\"><a href=\"/u/%s\">%s</a></div>"
                                  "<div class=\"post-body\"><p>%s</p></div></div>", posts[i][0], posts[i][0],
                            posts[i][1]);
  g_string_append (html, "</div></main>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "forum");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-02-11T18:20:00Z");
  assert_has (a, "my old dome tent bent");
  assert_has (a, "A tunnel tent pitched");
  assert_has (a, "Do you double the pegs");
}

static void
test_product (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Trail Lamp 400 | Example Outdoor</title>"
    "<meta property=\"og:type\" content=\"product\">"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Product\", "
    "\"name\": \"Trail Lamp 400\", \"offers\": {\"@type\": \"Offer\", \"price\": \"39.90\", \"priceCurrency\": "
    "\"EUR\"}}</script></head><body>" NAV
    "<main><div class=\"product\"><h1>Trail Lamp 400</h1><p class=\"price\">€39.90</p>"
    "<button>Add to cart</button>"
    "<div class=\"description\"><p>A head lamp for long evenings on the trail: 400 lumens, a red light that "
    "keeps your night vision, and a battery that lasts through a cold night.</p></div>"
    "<h2>Specifications</h2><table><tr><th>Weight</th><td>86 g</td></tr>"
    "<tr><th>Battery</th><td>1800 mAh, USB-C</td></tr><tr><th>Water resistance</th><td>IPX4</td></tr>"
    "</table></div></main>" FOOTER "</body></html>");

  g_assert_cmpstr (arx_article_get_kind (a), ==, "product");
  assert_has (a, "A head lamp for long evenings");
  assert_has (a, "1800 mAh, USB-C");
  assert_lacks (a, "All rights reserved");
}

static void
test_product_other_products (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Harbour Chair | Example Furniture</title>"
    "<meta property=\"og:type\" content=\"product\"></head><body>" NAV
    "<main><div class=\"item\"><h1>Harbour Chair</h1><p class=\"price\">$149.00</p>"
    "<div class=\"description\"><p>A folding chair of oiled oak for a balcony or a boat deck, with a seat "
    "of woven rope that dries quickly after rain.</p></div>"
    "<h2>Prices by quantity</h2><table><tr><td>1–3 chairs</td><td>$149.00</td></tr>"
    "<tr><td>4 or more</td><td>$129.00</td></tr></table>"
    "<p>Id: 7f3a9c2e4b1d8f6a0c5e7b9d2a4f6c8e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e</p></div>"
    "<section><h2>Customers also viewed</h2><ul>");
  static const char *const others[] = { "Dune Lounger in teak", "Pier Stool, set of two", "Lighthouse Side Table",
                                        "Marina Bench for three" };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_string_append_printf (html, "<li><div class=\"card\"><h3>%s</h3><span>$%u.00</span></div>"
                                  "<a class=\"overlay\" href=\"/item/%u\" aria-label=\"%s\"></a></li>",
                            others[i], 89 + i * 20, i, others[i]);
  g_string_append (html, "</ul></section></main>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "product");
  assert_has (a, "A folding chair of oiled oak");
  /* the product's own prices stay: they link nowhere */
  assert_has (a, "4 or more");
  /* other products (a name, a link and a price each) are the shop's, not this page's */
  assert_lacks (a, "Dune Lounger");
  assert_lacks (a, "Marina Bench");
  assert_lacks (a, "Customers also viewed");
  /* identifiers shown by mistake are not text */
  assert_lacks (a, "7f3a9c2e4b1d");
}

static void
test_collection (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Head Lamps: Shop Lights for Trail &amp; Camp | Example Outdoor</title>"
    "<link rel=\"canonical\" href=\"https://shop.example.com/collections/head-lamps\"></head><body>" NAV
    "<main><h1>Head lamps</h1><p>12 products</p><ul class=\"grid\">");
  static const char *const names[] = { "Trail Lamp 400", "Camp Lamp 200", "Night Runner", "Cave Explorer 900",
                                       "Kids Lamp", "Reading Clip Light", "Bike Light Duo", "Lantern 300" };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (html, "<li class=\"card\"><a href=\"/products/p%u\"><h3>%s</h3></a>"
                                  "<span class=\"price\">€%u.90</span><button>Add to cart</button></li>",
                            i, names[i], 19 + i * 5);
  g_string_append (html, "</ul></main>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "collection");
  /* a shop's category goes by its heading, not the title written for search engines */
  g_assert_cmpstr (arx_article_get_title (a), ==, "Head lamps");
  assert_has (a, "Trail Lamp 400");
  assert_has (a, "Lantern 300");
  assert_lacks (a, "All rights reserved");
}

static void
test_listing (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>The Coastal Times</title>"
    "<link rel=\"canonical\" href=\"https://www.coastal-times.example/\"></head><body>" NAV "<main>");
  static const char *const stories[][2] = {
    { "Ferry service resumes after the storm", "The ferry sailed again on Monday, a week after the storm." },
    { "Harbour market moves indoors", "Traders will sell from the old fish hall from next month." },
    { "School wins regional robotics prize", "Six pupils built a robot that sorts beach litter." },
    { "New cycle path along the dunes", "The council approved the plans after two years of debate." },
    { "Lighthouse opens to visitors", "The tower can be climbed on weekends from May to September." },
    { "Fishing quotas cut again", "Boats will be allowed a fifth less cod this year." },
  };
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    g_string_append_printf (html, "<div class=\"teaser\"><h2><a href=\"/news/s%u\">%s</a></h2><p>%s</p></div>",
                            i, stories[i][0], stories[i][1]);
  g_string_append (html, "</main>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "listing");
  /* every teaser, title and text, in the order of the page */
  assert_has (a, "Ferry service resumes after the storm");
  assert_has (a, "Six pupils built a robot");
  assert_has (a, "Fishing quotas cut again");
  g_assert_true (strstr (arx_article_get_text (a), "Harbour market") < strstr (arx_article_get_text (a), "Lighthouse"));
  /* the stories it links to, for the app to offer them for import */
  g_assert_cmpuint (arx_article_get_n_links (a), ==, G_N_ELEMENTS (stories));
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autofree char *uri = g_strdup_printf ("https://www.coastal-times.example/news/s%u", i);
      const char *title;

      g_assert_cmpstr (arx_article_get_link (a, i, &title), ==, uri);
      g_assert_cmpstr (title, ==, stories[i][0]);
    }
}

static void
test_listing_with_bylines (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Science | The Coastal Times</title><meta property=\"og:type\" content=\"website\">"
    "</head><body>" NAV "<main><h1>Science</h1>");
  static const char *const stories[][3] = {
    { "Seals return to the sandbank", "Ana Ruiz", "Counters found twice as many pups as last year." },
    { "Why the bay turns green in June", "Tom Lee", "Algae bloom when the water warms, a biologist explains." },
    { "A new species of sea slug", "Mia Berg", "Divers spotted the bright orange slug near the old pier." },
    { "Storm surges measured by volunteers", "Ana Ruiz", "Forty gauges along the coast report every hour." },
    { "The oldest oak on the island", "Tom Lee", "Tree rings date the oak to the fifteenth century." },
    { "How dunes wander", "Mia Berg", "Wind moves the dunes inland by a metre a year." },
  };
  g_autoptr(ArxArticle) a = NULL;

  /* each teaser carries its story's byline and date, as on many section pages */
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    g_string_append_printf (html, "<div class=\"teaser\"><h2><a href=\"/science/s%u\">%s</a></h2>"
                                  "<p class=\"byline\">By %s</p><time datetime=\"2025-05-%02uT08:00:00Z\">May %u, "
                                  "2025</time><p>%s</p></div>",
                            i, stories[i][0], stories[i][1], 20 - i, 20 - i, stories[i][2]);
  g_string_append (html, "</main>" FOOTER "</body></html>");
  a = import_html (html->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "listing");
  assert_has (a, "Seals return to the sandbank");
  assert_has (a, "Wind moves the dunes inland");
}

static void
test_documentation (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Reading tide tables — tidekit 2.1 documentation</title>"
    "<meta name=\"generator\" content=\"Docutils 0.20: https://docutils.sourceforge.io/\"></head><body>"
    "<div class=\"sidebar\"><ul><li><a href=\"install.html\">Installation</a></li>"
    "<li><a href=\"tables.html\">Tide tables</a></li></ul></div>"
    "<div role=\"main\"><h1>Reading tide tables<a class=\"headerlink\" href=\"#tides\">¶</a>"
    "<button>Copy link</button></h1>"
    "<p>A tide table lists the times and heights of high and low water for one harbour and one day.</p>"
    "<h2>Loading a table</h2><p>Load the table of a harbour by its code:</p>"
    "<pre>table = tidekit.load (\"HARB\")\nprint (table.high_water)</pre>"
    "<h2>Heights</h2><p>Heights are given in metres above chart datum, the lowest tide to expect.</p>"
    "</div>" FOOTER "</body></html>");

  g_assert_cmpstr (arx_article_get_kind (a), ==, "documentation");
  /* the heading without the generator's anchor and button, and without the site's name */
  g_assert_cmpstr (arx_article_get_title (a), ==, "Reading tide tables");
  assert_has (a, "Loading a table");
  assert_has (a, "table = tidekit.load (\"HARB\")");
  assert_has (a, "metres above chart datum");
}

static void
test_service (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Example Boat Repairs – hulls, engines and rigging</title>"
    "<link rel=\"canonical\" href=\"https://boat-repairs.example/\"></head><body>" NAV
    "<main><section><h1>Boat repairs on the coast</h1><p>We repair hulls, engines and rigging of sailing "
    "and motor boats up to twelve metres, in our yard or at your mooring.</p></section>"
    "<section><h2>Engines</h2><p>Diesel and outboard engines of every make are serviced by our two "
    "certified mechanics, with parts in stock for the common models.</p></section>"
    "<section><h2>Winter storage</h2><p>Boats stay dry in our heated hall from October to April, with a "
    "check of the batteries every month.</p></section>"
    "<section><h2>Contact</h2><p>Call us on weekdays between eight and five, or drop by the yard.</p>"
    "</section></main>" FOOTER "</body></html>");

  g_assert_cmpstr (arx_article_get_kind (a), ==, "service");
  /* every section of the page, not the largest alone */
  assert_has (a, "We repair hulls");
  assert_has (a, "Diesel and outboard engines");
  assert_has (a, "Boats stay dry");
  assert_lacks (a, "All rights reserved");
}

/* A link aggregator's or federated board's thread (no forum metadata, an address that says
 * nothing): a short submission and entries marked "comment" that hold most of the text. The
 * same comments below a dated, signed blog post are the post's comment section. */
static void
test_forum_comment_entries (void)
{
  static const char *const comments[][2] = {
    { "tidepool", "The council tried the same thing in our town two winters ago and the buses ran empty for "
                  "the first month, then filled up once people trusted the timetable." },
    { "gullwing", "Free fares matter less than frequency. A bus every ten minutes beats a free bus every hour." },
    { "northpier", "Our library lends bus passes now, which is a cheap way to let people try the routes "
                   "before anyone spends money on new buses." },
    { "saltmarsh", "Night buses would help the most: the last one leaves the centre at half past ten." },
    { "kelpie", "Did anyone count how many car trips it replaced? The article does not say." },
    { "breakwater", "They published the counts in the spring report: about one trip in eight." },
  };
  g_autoptr(GString) board = g_string_new (
    "<html><head><title>Town makes its buses free for a year : transit</title></head><body>" NAV
    "<div class=\"content\"><div class=\"link\"><a class=\"title\" href=\"https://example.org/free-buses\">Town "
    "makes its buses free for a year</a><p class=\"tagline\">submitted by harbourmaster</p></div>"
    "<div class=\"commentarea\">");
  g_autoptr(GString) blog = g_string_new (
    "<html><head><title>Why our town made its buses free</title></head><body>" NAV
    "<div class=\"post\"><h1>Why our town made its buses free</h1>"
    "<p class=\"byline\">By Ana Ruiz</p><p class=\"date\">3 March 2025</p>"
    "<p>The council voted in January to make every bus in town free for a year, and the first weeks show "
    "more riders at every hour of the day, above all in the evenings and on Sundays.</p>"
    "<p>The trial costs about as much as the fares brought in, which the council pays from the parking "
    "charges of the town centre. Shops near the bus station report more customers on weekday mornings, "
    "while the car parks by the river stand half empty for the first time in years.</p>"
    "<p>Whether the buses stay free after the year depends on the counts of car trips the council publishes "
    "every spring, and on whether the region agrees to share the cost of the night routes.</p></div>"
    "<div class=\"comments\"><h2>Comments</h2>");
  g_autoptr(ArxArticle) a = NULL;
  g_autoptr(ArxArticle) b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (comments); i++)
    {
#define ENTRY "<div class=\"thing comment\"><p class=\"tagline\"><a href=\"/user/%s\">%s</a> 12 points" \
              "</p><div class=\"md\"><p>%s</p></div></div>"
      g_string_append_printf (board, ENTRY, comments[i][0], comments[i][0], comments[i][1]);
      g_string_append_printf (blog, ENTRY, comments[i][0], comments[i][0], comments[i][1]);
#undef ENTRY
    }
  g_string_append (board, "</div></div>" FOOTER "</body></html>");
  g_string_append (blog, "</div>" FOOTER "</body></html>");
  a = import_html (board->str);
  b = import_html (blog->str);

  g_assert_cmpstr (arx_article_get_kind (a), ==, "forum");
  assert_has (a, "The council tried the same thing in our town");
  assert_has (a, "Free fares matter less than frequency");
  assert_has (a, "They published the counts in the spring report");
  g_assert_cmpstr (arx_article_get_kind (b), ==, "article");
  assert_has (b, "The council voted in January");
  assert_lacks (b, "Free fares matter less than frequency");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  g_test_add_func ("/arx/import/kind/article", test_article);
  g_test_add_func ("/arx/import/kind/forum", test_forum);
  g_test_add_func ("/arx/import/kind/forum-relative-address", test_forum_relative_address);
  g_test_add_func ("/arx/import/kind/forum-posts-apart", test_forum_posts_apart);
  g_test_add_func ("/arx/import/kind/forum-replies-elsewhere", test_forum_replies_elsewhere);
  g_test_add_func ("/arx/import/kind/forum-comment-entries", test_forum_comment_entries);
  g_test_add_func ("/arx/import/kind/product", test_product);
  g_test_add_func ("/arx/import/kind/product-other-products", test_product_other_products);
  g_test_add_func ("/arx/import/kind/collection", test_collection);
  g_test_add_func ("/arx/import/kind/listing", test_listing);
  g_test_add_func ("/arx/import/kind/listing-with-bylines", test_listing_with_bylines);
  g_test_add_func ("/arx/import/kind/documentation", test_documentation);
  g_test_add_func ("/arx/import/kind/service", test_service);
  return g_test_run ();
}
