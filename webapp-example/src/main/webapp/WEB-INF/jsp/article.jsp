<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><c:out value="${article.title}"/> | lytx demo</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <lytics:head/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main class="article">
  <p class="crumbs"><a href="${pageContext.request.contextPath}/articles">Articles</a> &rsaquo; <c:out value="${article.topic}"/></p>
  <h1 id="article-title"><c:out value="${article.title}"/></h1>
  <p class="lead"><c:out value="${article.description}"/></p>
  <p class="byline">by <c:out value="${article.author}"/>
    <c:forEach var="t" items="${article.topics}"><span class="tag"><c:out value="${t}"/></span></c:forEach></p>
  <p><c:out value="${article.body}"/></p>
  <aside>
    <h2>Read next</h2>
    <ul>
      <lytics:recommendations var="rec" limit="3" escape="false">
        <li><a href="<c:out value='${links.local(rec.url)}'/>"><c:out value="${rec.title}"/></a></li>
      </lytics:recommendations>
    </ul>
  </aside>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
</body>
</html>
