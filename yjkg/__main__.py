from yjkg.cli import main

main()
