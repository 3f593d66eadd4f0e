#!/bin/sh
# Usage: sh jvm-watchdog.sh <work-dir> <command> [args...]
#
# Ties the life of a JVM to the Node process that started it, even when Node dies by SIGKILL and gets no chance
# to clean up. Node keeps the write end of our stdin pipe; the kernel closes it when Node exits for any reason.
# A watcher inherits that pipe, and on end-of-file it stops the JVM and removes its work dir.
#
# The shell then execs the command, so the pid Node holds is the JVM's own and signals from Node reach it
# directly. Node's normal stop is the same path: it closes the pipe and waits. A restart writes the line `keep`
# first: the JVM stops the same way, but its work dir (topics, offsets, transactions) stays for the next JVM.
set -u
work_dir=$1
shift

# A background job of a non-interactive shell gets /dev/null as stdin, so hand the pipe over on fd 3.
exec 3<&0
jvm_pid=$$
(
  # Ctrl-C or a TERM to the whole process group must not take the watcher down before it has done its job.
  trap '' INT TERM HUP
  keep=no
  while read -r line <&3; do
    if [ "$line" = keep ]; then keep=yes; fi
  done
  kill -TERM "$jvm_pid" 2>/dev/null
  # Kafka's shutdown hook normally takes a second or two; past 30 s it is stuck.
  tries=0
  while kill -0 "$jvm_pid" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 300 ]; then
      kill -KILL "$jvm_pid" 2>/dev/null
      break
    fi
    sleep 0.1
  done
  if [ "$keep" = no ]; then rm -rf "$work_dir"; fi
) >/dev/null 2>&1 &

exec "$@" </dev/null 3<&-
