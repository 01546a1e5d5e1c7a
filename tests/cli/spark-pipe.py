#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's Apache Spark recipe on a local Spark: RDD.pipe("arx analyze --jsonl") gives,
# line for line, the analyses of one sequential run. Skipped (a TAP skip) without pyspark.
import json
import os
import subprocess
import sys

try:
    from pyspark import SparkContext
except ImportError:
    print("1..0 # SKIP pyspark is not installed")
    sys.exit(0)

arx = os.environ["ARX_BIN"]
texts = ["Mayor Jane Holloway said on Tuesday that the budget would cut %d jobs. "
         "“We will not give up,” Holloway said." % (10 + i) for i in range(60)]
lines = [json.dumps({"id": "doc-%d" % i, "text": t}) for i, t in enumerate(texts)]
sequential = subprocess.run([arx, "analyze", "--jsonl"], input="\n".join(lines) + "\n",
                            capture_output=True, text=True, check=True).stdout.splitlines()
sc = SparkContext("local[2]", "arx-pipe-test")
try:
    piped = sc.parallelize(lines, 4).pipe(arx + " analyze --jsonl").collect()
finally:
    sc.stop()
assert piped == sequential, "Spark's pipe gave other lines than one sequential run"
assert [json.loads(l)["id"] for l in piped] == ["doc-%d" % i for i in range(60)]
print("1..1\nok 1 spark pipe")
