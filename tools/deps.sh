#!/bin/sh
# Installs what building and testing hart needs, when it is missing: the
# riscv64 cross compilers (to build guest programs from the tree) and
# qemu-user (qemu-riscv64 gives the reference outputs tests compare with).
# As root it uses apt-get; otherwise it says exactly what to install.
need=""
command -v riscv64-linux-gnu-gcc >/dev/null 2>&1 || need="$need gcc-riscv64-linux-gnu"
command -v riscv64-linux-gnu-g++ >/dev/null 2>&1 || need="$need g++-riscv64-linux-gnu"
[ -e /usr/riscv64-linux-gnu/lib/libc.a ] || need="$need libc6-dev-riscv64-cross"
command -v qemu-riscv64 >/dev/null 2>&1 || need="$need qemu-user"
command -v riscv64-linux-gnu-objdump >/dev/null 2>&1 || need="$need binutils-riscv64-linux-gnu"
command -v cc >/dev/null 2>&1 || need="$need build-essential"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "hart: installing build dependencies:$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq $need >/dev/null || {
        echo "hart: apt-get install$need failed" >&2; exit 1; }
else
    echo "hart: missing build dependencies; install them with:" >&2
    echo "    sudo apt-get install$need" >&2
    exit 1
fi
