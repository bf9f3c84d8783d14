#!/bin/sh
# A stand-in for sipe-driver in SipeClientTest: the same event language, canned answers.
echo "sipe: env user=$SIPE_USER password=$SIPE_PASSWORD server=$SIPE_SERVER transport=$SIPE_TRANSPORT debug=$SIPE_DEBUG home=$SIPE_HOME ca=${SIPE_CA_FILE:-none}" >&2
[ -d "$SIPE_HOME" ] || echo "sipe: no home" >&2
printf 'SIGNED_ON\t%s\n' "$SIPE_USER"
n=0
while IFS= read -r line; do
  echo "sipe: command $line" >&2
  case "$line" in
    rooms)
      n=$((n+1))
      if [ $n -lt 3 ]; then
        printf 'ROOMLIST_DONE\nCMD_ERROR\troomlist unavailable (group chat not connected?)\n'
      else
        printf 'CMD_OK\trooms\n'
        sleep 0.1
        printf 'ROOM\tLobby\tma-chan://example.com/1\t2\t4\t0\t8\tSay hello\n'
        printf 'ROOM\tProject X\tma-chan://example.com/2\t0\t4\t2\t8\tNeed to know\n'
        printf 'ROOMLIST_DONE\n'
      fi ;;
    join\ *)
      printf 'CMD_OK\tjoin\nCHAT_JOINED\tLobby\nCHAT_BUDDY_JOINED\tLobby\tsip:alice@example.com\t0\n'
      printf 'CHAT_MSG\tLobby\tsip:alice@example.com\tWelcome to the Lobby, everyone!\n'
      printf 'CHAT_MSG\tLobby\tsip:bob@example.com\tHi Alice.\n' ;;
    say\ *)
      printf 'CMD_OK\tsay\n'
      sleep 0.2
      printf 'CHAT_MSG\tLobby\tsip:alice@example.com\t%s\n' "${line#say }" ;;
    fail)
      printf 'CONN_ERROR\t2\tAuthentication failed\n' ;;
    crash)
      exit 3 ;;
    untrusted)
      printf 'REQUEST\tSSL Certificate Verification\tAccept certificate for 127.0.0.1?\tThe certificate is not trusted\n' ;;
    quit)
      echo EXIT
      exit 0 ;;
    *)
      printf 'CMD_ERROR\tunknown command %s\n' "$line" ;;
  esac
done
echo EXIT
