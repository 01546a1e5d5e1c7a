#!/bin/bash
# Lists the bundled sample articles: the seed article, a few pages and texts written for the
# tests, and the permissively licensed news-format samples (licences beside them in
# tests/fixtures/import/samples/).
cd "$(dirname "$0")/.."
for f in tests/fixtures/seed-article.txt \
         tests/fixtures/gui/bossert-follow-up.txt \
         tests/fixtures/import/html/news-page.html \
         tests/fixtures/import/mhtml/news-page.mhtml; do
  [ -f "$f" ] && echo "$PWD/$f"
done
for f in tests/fixtures/import/samples/*/*; do
  case "$f" in
    *.xml|*.rss|*.atom) echo "$PWD/$f" ;;
  esac
done
