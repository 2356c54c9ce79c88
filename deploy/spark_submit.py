"""The file to give spark-submit: runs `archiver` with the arguments after it.

    spark-submit --master spark://head:7077 deploy/spark_submit.py \
        --db /shared/news/archive.db batch --engine spark --input /shared/news/articles.jsonl

(A file inside the archiver package would not do: Python puts a script's folder first on its
path, where archiver/html.py would hide the standard library's html module.)
"""

from archiver.__main__ import main

if __name__ == "__main__":
    main()
