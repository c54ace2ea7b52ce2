@echo off
rem BasinGuard 流域底线核查 - portable launcher for Windows (x64). Needs only a Java 17+ runtime (JAVA_HOME, or java
rem on the PATH). With no arguments it opens the window (no console stays open); with a command (check, export,
rem info, print, verify, --version) it runs in this console. JVM options as the installed program: -Xmn64m keeps
rem garbage-collection pauses short. This file is GBK-encoded with CRLF line ends, as a Chinese Windows console reads it.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
set "JAVAW=javaw"
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
  set "JAVAW=%JAVA_HOME%\bin\javaw.exe"
)
set "JV="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "JV=%%~v"
if not defined JV (
  echo basinguard: 未找到 Java。请安装 Java 17 或更高版本（或设置 JAVA_HOME）。 / Java 17 or newer is needed.
  if "%~1"=="" pause
  exit /b 2
)
for /f "delims=.-" %%m in ("%JV%") do set "JM=%%m"
if %JM% LSS 17 (
  echo basinguard: 需要 Java 17 或更高版本，当前为 %JV%。 / Java 17 or newer is needed, found %JV%.
  if "%~1"=="" pause
  exit /b 2
)
set "CP=%HERE%lib\*;%HERE%lib\javafx\win\*"
if "%~1"=="" (
  start "" "%JAVAW%" -Xmn64m -Dfile.encoding=UTF-8 -cp "%CP%" cn.basinguard.app.Main
  exit /b 0
)
"%JAVA%" -Xmn64m -Dfile.encoding=UTF-8 -cp "%CP%" cn.basinguard.app.Main %*
exit /b %ERRORLEVEL%
