# hart: one Makefile, several build modes, each in its own folder o/$(MODE)/.
#   make [MODE=rel|dbg|asan]   build o/$(MODE)/hart
#   make demo                  build and run a real riscv64 program
#   make check                 every test; last line "N passed, N failed"
#   make check-debian          Debian riscv64 programs against amd64 (tests/debian)
#   make bench                 speed against qemu-riscv64 and native
#   make install PREFIX=DIR    install DIR/bin/hart
# Sources are found by wildcard, so adding a file needs no edit here.

MODE    ?= rel
CC      ?= gcc
PREFIX  ?= /usr/local
O       := o/$(MODE)
VERSION := 0.1.0

WARN := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
        -Wmissing-prototypes -Wundef -Wwrite-strings -Wvla -Wformat=2 \
        -Wno-unused-parameter
# -frounding-math: guest FP depends on the dynamic rounding mode (MXCSR), so
# the compiler must neither fold nor move FP operations across mode changes.
BASE := -std=c17 -D_GNU_SOURCE -DHART_VERSION='"$(VERSION)"' -Isrc \
        -frounding-math -fno-math-errno -fno-strict-aliasing -pthread -MMD -MP

# The release build is optimized across files (the run loop, interpreter,
# decoder and translator call each other in their inner loops): python's
# bench row runs 2% fewer host instructions. Only if the compiler has it.
LTO := $(shell $(CC) -flto=auto -x c -c /dev/null -o /dev/null 2>/dev/null && echo -flto=auto)
CFLAGS_rel  := -O2 -g $(LTO)
CFLAGS_dbg  := -O0 -g3 -DHART_DEBUG
CFLAGS_asan := -O1 -g -DHART_DEBUG -fsanitize=address,undefined \
               -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ifeq ($(filter $(MODE),rel dbg asan),)
$(error MODE must be rel, dbg or asan)
endif
ALL_CFLAGS := $(BASE) $(WARN) $(CFLAGS_$(MODE)) $(CFLAGS)
LDLIBS     := -lm -pthread
LDFLAGS_rel  := -O2 -g $(LTO)
LDFLAGS_asan := -fsanitize=address,undefined
ALL_LDFLAGS  := $(LDFLAGS_$(MODE)) $(LDFLAGS)

SRCS      := $(sort $(shell find src -name '*.c'))
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
LIB_OBJS  := $(LIB_SRCS:%.c=$(O)/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJS := $(UNIT_SRCS:%.c=$(O)/%.o)
TOOL_SRCS := $(sort $(wildcard tools/*.c))
TOOLS     := $(TOOL_SRCS:tools/%.c=$(O)/tools/%)

.PHONY: all demo check check-quick bench install clean deps guests torture \
        check-torture fuzz check-debian
all: $(O)/hart $(TOOLS)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/libhart.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(O)/hart: $(O)/src/main.o $(O)/libhart.a
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LDLIBS)

$(O)/unit-tests: $(UNIT_OBJS) $(O)/libhart.a
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LDLIBS)

$(O)/tools/%: $(O)/tools/%.o $(O)/libhart.a
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LDLIBS)

# Guest programs (riscv64) are built by tests/build-guests.sh into o/guest/.
guests:
	tests/build-guests.sh

deps:
	@tools/deps.sh

demo: deps $(O)/hart
	@tests/build-guests.sh demo
	@echo '$$ $(O)/hart o/guest/demo/primes 30'
	@$(O)/hart o/guest/demo/primes 30

# The tests run against the sanitizer build: every guest program doubles as a
# test of hart's own memory safety.
check: deps
	@$(MAKE) --no-print-directory MODE=asan all $(O:o/$(MODE)=o/asan)/unit-tests
	@$(MAKE) --no-print-directory MODE=rel all
	@tests/build-guests.sh
	@tests/check.sh o/asan

# Debian trixie riscv64 programs against their amd64 builds (needs the
# Debian archive once; downloads are cached in o/debcache/).
check-debian: deps
	@$(MAKE) --no-print-directory MODE=rel all
	@tests/debian/full.sh

check-torture: deps
	@$(MAKE) --no-print-directory MODE=rel all
	@tests/torture/run.sh

fuzz: deps
	@$(MAKE) --no-print-directory MODE=rel all
	@tests/fuzz/run.sh

bench: deps
	@$(MAKE) --no-print-directory MODE=rel all
	@bench/run.sh

install: $(O)/hart
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(O)/hart $(DESTDIR)$(PREFIX)/bin/hart

clean:
	rm -rf o

# Only the current mode's folder: o/ also holds sysroots (o/debian/) whose
# etc/*.d folders are no dependency files.
-include $(shell find $(O) -name '*.d' -type f 2>/dev/null)
