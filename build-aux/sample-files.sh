#!/bin/bash
# Lists the bundled sample articles (seed article + permissively licensed format samples,
# whose licences sit beside them in tests/fixtures/).
cd "$(dirname "$0")/.."
echo "$PWD/tests/fixtures/seed-article.txt"
for f in tests/fixtures/import/samples/*/*; do
  case "$f" in
    *.xml|*.rss|*.atom) echo "$PWD/$f" ;;
  esac
done
