/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTML metadata: bylines, titles and dates as readers expect them. */
#include "config.h"

#include <string.h>

#include "html-page.h"

static ArxArticle *
import_fixture (const char *name)
{
  const char *dir = g_getenv ("ARX_FIXTURES");
  g_autofree char *path = g_build_filename (dir ? dir : "tests/fixtures", "import", "html", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

/* A page with @head inside <head> and @byline as the line under the headline. */
static char *
page (const char *head,
      const char *byline)
{
  return g_strdup_printf ("<html><head><title>Harbour wall repaired after storm</title>%s</head><body><article>"
                          "<h1>Harbour wall repaired after storm</h1>%s"
                          "<p>Workers finished repairing the harbour wall on Tuesday, three weeks after the storm "
                          "tore a hole into it and flooded the quay.</p>"
                          "<p>The council said the repair cost less than expected, because most of the old stones "
                          "could be used again.</p></article></body></html>", head, byline);
}

/* A page with @head and @h1 and a short story. */
static ArxArticle *
titled_page (const char *head,
             const char *h1)
{
  g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><article><h1>%s</h1>"
                                           "<p>Workers finished repairing the harbour wall on Tuesday, three "
                                           "weeks after the storm tore a hole into it and flooded the quay.</p>"
                                           "<p>The council said the repair cost less than expected.</p>"
                                           "</article></body></html>", head, h1);
  return import_html (html);
}

static void
test_site_as_author (void)
{
  g_autoptr(ArxArticle) a = import_fixture ("site-as-author.html");

  /* JSON-LD and meta name the publication; the visible "Von … am <date>" line names the author */
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jana Dorn");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Neue Fähre für die Inseln");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2019-10-19");
}

static void
test_byline_cleanup (void)
{
  static const struct { const char *head, *byline, *expected; } cases[] = {
    /* degrees stay, as printed; a role or an outlet after the comma goes */
    { "<meta name=\"author\" content=\"Grant Tinsley, PhD\">", "", "Grant Tinsley, PhD" },
    { "", "<p class=\"byline\">By Mara Quinn, MS, RD</p>", "Mara Quinn, MS, RD" },
    { "", "<p class=\"byline\">By Tom Brook, Head of Research and Development</p>", "Tom Brook" },
    /* several authors are a list joined with ", " */
    { "", "<p>By Ana Ruiz and Tom Lee</p>", "Ana Ruiz, Tom Lee" },
    { "", "<p class=\"author\">Lena Vogt, Jan Beck und Ida Roth</p>", "Lena Vogt, Jan Beck, Ida Roth" },
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": [{\"@type\": \"Person\", "
      "\"name\": \"Ana Ruiz\"}, {\"@type\": \"Person\", \"name\": \"Tom Lee\"}]}</script>", "", "Ana Ruiz, Tom Lee" },
    /* JSON-LD in an @graph, with the author nested as an object */
    { "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": "
      "\"WebSite\", \"name\": \"Harbour News\"}, {\"@type\": \"BlogPosting\", \"author\": {\"@type\": \"Person\", "
      "\"name\": \"Ines Hart\", \"url\": \"https://example.org/ines\"}}]}</script>", "", "Ines Hart" },
    /* Yoast's "Written by" pair of Twitter tags */
    { "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Piet Smit\">",
      "", "Piet Smit" },
    /* a label set apart by layout, not by a space */
    { "", "<div class=\"author\"><span>Cara Lind</span><span>Last updated May 2, 2025</span></div>", "Cara Lind" },
    /* a comment form before the byline does not make the byline a commenter's */
    { "", "<form class=\"search\"><input name=\"q\"></form><p class=\"post-author\">Rui Costa</p>", "Rui Costa" },
    { "<meta name=\"author\" content=\"Von: Wolfgang Schmale\">", "", "Wolfgang Schmale" },
    { "", "<p class=\"byline\">AuthorAndreas Kalt</p>", "Andreas Kalt" },
    { "", "<div class=\"author\">lupa am 26/10/13, 03:48 pm</div>", "lupa" },
    { "", "<span class=\"author\">Günter W. Kienitz at 18:52</span>", "Günter W. Kienitz" },
    { "", "<span class=\"author-name\">Evan Symon, August 14</span>", "Evan Symon" },
    { "", "<div class=\"author\">Johanna Kropfitsch Alle Artikel</div>", "Johanna Kropfitsch" },
    { "", "<div class=\"author\">Frank Bueltge - http://bueltge.de</div>", "Frank Bueltge" },
    { "", "<div class=\"author\">jdoe@example.com Jane Doe</div>", "Jane Doe" },
    { "", "<div class=\"author\">Dominique — veröffentlicht</div>", "Dominique" },
    { "", "<div class=\"author\">Nicole Collignon22. Mai</div>", "Nicole Collignon" },
    { "", "<div class=\"author\">jesusfreak jesusfreak</div>", "jesusfreak" },
    { "", "<div class=\"byline\">Rob Picheta, CNN</div>", "Rob Picheta" },
    { "", "<div class=\"author\">Kirsten Freund / handwerksblatt.de</div>", "Kirsten Freund" },
    { "", "<div class=\"author\">Katharina Schmidt Kategorien: Mode</div>", "Katharina Schmidt" },
    { "", "<div class=\"author\">Houzz Deutschland vor 5 Stunden</div>", "Houzz Deutschland" },
    /* a month can be a first name */
    { "<meta name=\"author\" content=\"April Roach\">", "", "April Roach" },
    /* an agency as the JSON-LD author is the byline when no person is named */
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": "
      "{\"@type\": \"Organization\", \"name\": \"Reuters\"}}</script>", "", "Reuters" },
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": "
      "[{\"@type\": \"Organization\", \"name\": \"Reuters\"}, {\"@type\": \"Person\", \"name\": \"Ana Ruiz\"}]}</script>",
      "", "Ana Ruiz" },
    /* the visible "By" line over a handle in the author meta tag */
    { "<meta name=\"author\" content=\"jdoe_news\">", "<p>By Jane Doe</p>", "Jane Doe" },
    /* labels whose name sits elsewhere are no author at all */
    { "", "<div class=\"author\">Donnerstag</div>", NULL },
    { "", "<div class=\"author\">Foto: Ingo Schneider</div>", NULL },
    { "", "<div class=\"author\">Posted on</div>", NULL },
    { "", "<div class=\"author\">No Author</div>", NULL },
    { "", "<div class=\"author\">Bild © hr</div>", NULL },
    /* the name in the element after a lone "By", "Von" or "Autor" */
    { "", "<div><span>| By </span> <span>Cara Stiles</span></div>", "Cara Stiles" },
    { "", "<a><div>Von</div><div>Jana Dorn</div></a>", "Jana Dorn" },
    { "", "<div><h4>Autor</h4><p><a href=\"/p/nh\">Nikolai Huke</a><b>, </b></p></div>", "Nikolai Huke" },
    /* no-break space after the prefix; a label with a colon; German class names */
    { "", "<span>Par&nbsp;<a href=\"/node/mh\">Matthieu Hy</a></span>", "Matthieu Hy" },
    { "", "<small>Verfasst von: <strong>mitundvoneinander</strong> | 31. Dezember 2008</small>", "mitundvoneinander" },
    { "", "<span class=\"autor-name\">Jana Dorn</span>", "Jana Dorn" },
    /* a name at the end of a date line, when nothing else names the author */
    { "", "<p class=\"small\">11.12.2019 - Ruth Ambers</p>", "Ruth Ambers" },
    { "", "<small>04.02.2022 | 13:10 Uhr | Lea Hofer</small>", "Lea Hofer" },
    { "", "<span>06.11.2023 13:30 von Olga</span>", "Olga" },
    { "", "<p>Posted on September 21, 2020 by Dov Amir</p>", "Dov Amir" },
    /* but not a section, a label in capitals or a place */
    { "", "<p>12.01.2022 | Pressemitteilungen</p>", NULL },
    { "", "<p>12.01.2022 | PAID CONTENT</p>", NULL },
    { "", "<p>12.01.2022 - Kommunikation Lieferketten</p>", NULL },
    /* a byline written out as a sentence */
    { "", "<p class=\"author\">This post was written by Noor Haddad</p>", "Noor Haddad" },
    /* a sentence that starts with "Text" is no byline */
    { "", "<p>Text messages were sent to every resident.</p>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = page (cases[i].head, cases[i].byline);
      g_autoptr(ArxArticle) a = import_html (html);

      g_test_message ("case %u: %s%s", i, cases[i].head, cases[i].byline);
      g_assert_cmpstr (arx_article_get_byline (a), ==, cases[i].expected);
    }
}

static void
test_date_line (void)
{
  static const struct { const char *head, *byline, *expected; } cases[] = {
    /* no date anywhere */
    { "", "", NULL },
    /* a UTC timestamp in JSON-LD is a day later than the local date line under the headline */
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2022-05-04T03:37:37+00:00\"}</script>",
      "<p class=\"meta\">May 3, 2022</p>", "2022-05-03" },
    /* month names with umlauts */
    { "", "<div>Lübeck, 31. März 2003</div>", "2003-03-31" },
    /* a date line years older than the metadata date is the date of something else */
    { "<meta property=\"article:published_time\" content=\"2021-11-12T10:00:00+01:00\">",
      "<p>25.12.2005</p>", "2021-11-12T10:00:00+01:00" },
    /* two-digit years in a date line; spaced numeric dates */
    { "", "<div>Von: Jane Doe <span>|</span> <span>31.10.23</span></div>", "2023-10-31" },
    { "", "<div><b>18. 05. 2014</b></div>", "2014-05-18" },
    /* a dateline opening the first paragraph */
    { "", "<p>29.11.2022 – The wind industry has warned again and again that the new rules slow down "
      "the building of wind farms across the country.</p>", "2022-11-29" },
    /* metadata alone: ISO 8601 with the time and zone it gives; a time without a zone is left out */
    { "<meta property=\"article:published_time\" content=\"2021-11-12T23:30:00-05:00\">", "",
      "2021-11-12T23:30:00-05:00" },
    { "<meta property=\"article:published_time\" content=\"2021-11-12 08:05:00+0000\">", "", "2021-11-12T08:05:00Z" },
    { "<meta property=\"article:published_time\" content=\"2021-11-12T08:05:00\">", "", "2021-11-12" },
    /* JSON-LD's first publication beats a visible "Updated" line */
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2024-02-01\", \"dateModified\": \"2025-04-19\"}</script>",
      "<p class=\"meta\">Updated: April 19, 2025</p>", "2024-02-01" },
    /* a "Published" line beats an "Updated" line nearer to the headline */
    { "", "<p>Updated <span>March 9, 2025</span></p><p>Published <span>June 11, 2024</span></p>", "2024-06-11" },
    /* the markup marks the update: itemprop="dateModified" or hAtom's class "updated" */
    { "", "<p><time itemprop=\"dateModified\" datetime=\"2025-05-21\">May 21, 2025</time> "
      "<time itemprop=\"datePublished\" datetime=\"2025-04-24\">April 24, 2025</time></p>", "2025-04-24" },
    { "", "<p><span class=\"updated\">May 21, 2025</span> <span class=\"entry-date\">April 24, 2025</span></p>",
      "2025-04-24" },
    /* an "Updated" line alone is still the page's date */
    { "", "<p>Updated: March 9, 2025</p>", "2025-03-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = page (cases[i].head, cases[i].byline);
      g_autoptr(ArxArticle) a = import_html (html);

      g_test_message ("case %u: %s%s", i, cases[i].head, cases[i].byline);
      g_assert_cmpstr (arx_article_get_published (a), ==, cases[i].expected);
    }
  {
    /* a <time> inside the h1 */
    g_autoptr(ArxArticle) a = titled_page ("<title>Keep our lakes clean - Sailing Blog</title>",
                                           "Keep our lakes clean <small>Posted by Sailing Blog on "
                                           "<time datetime=\"2020-02-23T10:07:02+01:00\">23 February 2020</time></small>");

    g_assert_cmpstr (arx_article_get_published (a), ==, "2020-02-23");
  }
  {
    /* the date printed above the headline */
    g_autoptr(ArxArticle) a = import_html ("<html><head><title>Storm damage | Town news</title></head><body>"
                                           "<div class=\"top\"><span>Bonn, 11.10.2021</span></div>"
                                           "<h1>Storm damage worse than feared</h1><p>The storm that crossed "
                                           "the region on Sunday left more damage than first reported, the fire "
                                           "brigade said on Monday after a night of work.</p><p>Several roads "
                                           "remain closed while trees are cleared away.</p></body></html>");

    g_assert_cmpstr (arx_article_get_published (a), ==, "2021-10-11");
  }
  {
    /* no metadata and no h1: the page's own date line, wherever it stands */
    g_autoptr(ArxArticle) a = import_html ("<html><head><title>Club news</title></head><body>"
                                           "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></div>"
                                           "<div class=\"box\"><b>New opening hours at the boathouse</b>"
                                           "<p>From next month the boathouse opens at seven in the morning on "
                                           "weekdays, so that members can row before work.</p><p>The kiosk keeps "
                                           "its old hours until the summer season begins.</p>"
                                           "<p class=\"small\">Datum: 18.10.2021</p></div></body></html>");

    g_assert_cmpstr (arx_article_get_published (a), ==, "2021-10-18");
  }
}

static void
test_title_choice (void)
{
  static const struct { const char *head, *h1, *expected; } cases[] = {
    /* a kicker printed in the h1 before the headline */
    { "<meta property=\"og:title\" content=\"Brothel busted in Boston after long probe\">",
      "Local News | Brothel busted in Boston after long probe", "Brothel busted in Boston after long probe" },
    { "<title>Große Aufgaben für die neue Regierung</title>",
      "Tunesien Große Aufgaben für die neue Regierung", "Große Aufgaben für die neue Regierung" },
    /* but a quote before a colon belongs to the headline */
    { "<title>Kramer misses the Olympic Games - skiing.example</title>",
      "\"Pure emptiness\": Kramer misses the Olympic Games", "\"Pure emptiness\": Kramer misses the Olympic Games" },
    /* a date line run into the h1 */
    { "<meta property=\"og:title\" content=\"Fans return to the stadiums\">",
      "Fans return to the stadiums 02.02.2022 • Association, Press", "Fans return to the stadiums" },
    /* an old WordPress title with the site name as the only h1 */
    { "<title>Time 4 talks » Blog Archiv » Cinemas go digital across the country</title>", "Time 4 talks",
      "Cinemas go digital across the country" },
    /* a JSON-LD headline keeps its dash clause; a <title> loses the site name */
    { "<meta property=\"og:site_name\" content=\"Civil Liberties\">"
      "<title>This County Criminalized Bad Grades – Until Now | Civil Liberties</title>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"This County Criminalized Bad Grades – Until Now\"}</script>",
      "", "This County Criminalized Bad Grades – Until Now" },
    /* a reworded h1 is the headline ... */
    { "<title>Harbour wall repaired three weeks after the storm | Coast Times</title>",
      "Storm-damaged harbour wall repaired at last", "Storm-damaged harbour wall repaired at last" },
    /* ... but not one in capitals, nor a short one that shares few of the title's words */
    { "<title>Best Rain Jackets 2026: What Sailors Should Buy | Coast Times</title>",
      "BEST RAIN JACKETS IN 2026: WHAT SAILORS BUY", "Best Rain Jackets 2026: What Sailors Should Buy" },
    { "<meta property=\"og:title\" content=\"Keeping the Quay Clean: How Volunteers Collect Litter Every Week\">",
      "Volunteers Keep It Clean", "Keeping the Quay Clean: How Volunteers Collect Litter Every Week" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ArxArticle) a = titled_page (cases[i].head, cases[i].h1);

      g_test_message ("case %u: %s / %s", i, cases[i].head, cases[i].h1);
      g_assert_cmpstr (arx_article_get_title (a), ==, cases[i].expected);
    }
}

static void
test_charset_from_meta_only (void)
{
  /* a <script charset> comes first; the page itself is GB2312 (read as GBK/GB18030) */
  static const char html[] =
    "<html><head><script src=\"a.js\" charset=\"utf-8\"></script>"
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/>"
    "<title>\xb1\xb1\xbe\xa9\xd0\xc2\xce\xc5</title></head><body><p>"
    "\xba\xd3\xb1\xb1\xb8\xf7\xca\xd0\xd1\xb2\xd1\xdd\xbd\xe1\xca\xf8\xa3\xac\xbb\xb0\xbe\xe7\xd1\xdd"
    "\xd4\xb1\xc3\xc7\xbb\xd8\xb5\xbd\xc1\xcb\xb1\xb1\xbe\xa9\xa1\xa3</p></body></html>";
  g_autoptr(ArxArticle) a = import_html (html);

  g_assert_cmpstr (arx_article_get_title (a), ==, "北京新闻");
  g_assert_true (g_str_has_prefix (arx_article_get_text (a), "河北各市巡演结束，话剧演员们回到了北京。"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  g_test_add_func ("/arx/import/meta/site-as-author", test_site_as_author);
  g_test_add_func ("/arx/import/meta/byline-cleanup", test_byline_cleanup);
  g_test_add_func ("/arx/import/meta/date-line", test_date_line);
  g_test_add_func ("/arx/import/meta/title-choice", test_title_choice);
  g_test_add_func ("/arx/import/meta/charset-from-meta-only", test_charset_from_meta_only);
  return g_test_run ();
}
