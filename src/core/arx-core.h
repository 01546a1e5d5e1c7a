/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-analysis.h"
#include "arx-article.h"
#include "arx-error.h"
#include "arx-json-writer.h"
