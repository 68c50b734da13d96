# Sourced by the harnesses: sets java (a JDK 21+ found beside the default one), pgjar (PostgreSQL's JDBC driver
# from the local Maven repository) and psql (as the postgres user on the local server).
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
done
java="$java_home/bin/java"
pgjar=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort -V | tail -n 1)
psql="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
