#!/bin/bash
# Lists the bundled sample articles: the permissively licensed news-format samples (licences
# beside them in tests/fixtures/import/samples/), a few pages and texts written for the tests,
# and the seed article last, so that it is the newest and the app opens on it.
cd "$(dirname "$0")/.."
for f in tests/fixtures/import/samples/*/*; do
  case "$f" in
    *.xml|*.rss|*.atom) echo "$PWD/$f" ;;
  esac
done
for f in tests/fixtures/import/html/news-page.html \
         tests/fixtures/import/mhtml/news-page.mhtml \
         tests/fixtures/gui/bossert-follow-up.txt \
         tests/fixtures/seed-article.txt; do
  [ -f "$f" ] && echo "$PWD/$f"
done
